using DockerLsp.Syntax.Diagnostics;
using DockerLsp.Syntax.Green;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Syntax.Parsing;

/// <summary>
/// The full parser: byte-order mark, directive block, then instructions one after another until the end of file.
/// The full parser is the oracle that the incremental parser is tested against.
/// </summary>
internal static class Parser
{
    private const char ByteOrderMark = '\uFEFF';

    public static (GreenInternalNode Root, char Escape, int DirectiveCount) ParseFull(SourceText source, CancellationToken cancellationToken)
    {
        var text = source.ToString();
        var leading = new List<GreenTrivia>();
        var position = 0;
        if (text.Length > 0 && text[0] == ByteOrderMark)
        {
            leading.Add(new GreenTrivia(SyntaxKind.ByteOrderMarkTrivia, "\uFEFF"));
            position = 1;
        }
        var children = DirectiveParser.Parse(text, ref position, leading, out var escape);
        var directiveCount = children.Count;
        var reader = new InstructionReader(text, escape);
        var instructions = 0;
        while (true)
        {
            if ((instructions & 63) == 63) cancellationToken.ThrowIfCancellationRequested();
            var result = reader.Read(position, leading);
            if (result.Instruction is null)
            {
                children.Add(MakeEndOfFile(result.TrailingTrivia, result.TrailingDiagnostics, result.End - result.TrailingTrivia.Sum(t => t.FullWidth)));
                break;
            }
            children.Add(result.Instruction);
            instructions++;
            position = result.End;
            // The builder copied the leading trivia into the token, so the list can be reused.
            leading.Clear();
        }
        return (MakeRoot(children.ToArray(), instructions, source), escape, directiveCount);
    }

    public static GreenToken MakeEndOfFile(List<GreenTrivia> trivia, List<SyntaxDiagnosticInfo> diagnostics, int regionStart)
    {
        var relative = diagnostics.Count == 0 ? null : diagnostics.Select(d => d with { Offset = d.Offset - regionStart }).ToArray();
        return new GreenToken(SyntaxKind.EndOfFileToken, string.Empty, null, trivia.ToArray(), null, GreenFlags.None, relative);
    }

    public static GreenInternalNode MakeRoot(GreenNode[] children, int instructionCount, SourceText source)
    {
        if (instructionCount > 0 && source.InvalidUtf8Offsets.Count == 0)
        {
            return new GreenInternalNode(SyntaxKind.SourceFile, children);
        }
        var diagnostics = new List<SyntaxDiagnosticInfo>();
        if (instructionCount == 0)
        {
            diagnostics.Add(new SyntaxDiagnosticInfo(SyntaxDiagnosticIds.NoInstructions, DiagnosticSeverity.Error,
                "The Dockerfile contains no instructions.", 0, 0));
        }
        foreach (var offset in source.InvalidUtf8Offsets)
        {
            diagnostics.Add(new SyntaxDiagnosticInfo(SyntaxDiagnosticIds.InvalidUtf8, DiagnosticSeverity.Warning,
                "Invalid UTF-8 byte sequence (shown as U+FFFD).", offset, 1));
        }
        return new GreenInternalNode(SyntaxKind.SourceFile, children, diagnostics.Count > 0 ? diagnostics.ToArray() : null);
    }
}
