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

    public static (GreenSourceFile Root, char Escape) ParseFull(SourceText source, CancellationToken cancellationToken)
    {
        var text = source.ToString();
        var leading = new List<GreenTrivia>();
        var position = 0;
        if (text.Length > 0 && text[0] == ByteOrderMark)
        {
            leading.Add(new GreenTrivia(SyntaxKind.ByteOrderMarkTrivia, "\uFEFF"));
            position = 1;
        }
        var directives = DirectiveParser.Parse(text, ref position, leading, out var escape);
        using var lease = InstructionReader.Rent(text, escape);
        var reader = lease.Reader;
        var instructions = new List<GreenNode>();
        GreenToken endOfFile;
        while (true)
        {
            if ((instructions.Count & 63) == 63) cancellationToken.ThrowIfCancellationRequested();
            var result = reader.Read(position, leading);
            if (result.Instruction is null)
            {
                endOfFile = MakeEndOfFile(result.TrailingTrivia, result.TrailingDiagnostics, result.End - TriviaWidth(result.TrailingTrivia));
                break;
            }
            instructions.Add(result.Instruction);
            position = result.End;
            // The builder copied the leading trivia into the token, so the list can be reused.
            leading.Clear();
        }
        return (MakeRoot(directives.ToArray(), InstructionChunk.Build(instructions).ToArray(), endOfFile, source), escape);
    }

    public static GreenToken MakeEndOfFile(List<GreenTrivia> trivia, List<SyntaxDiagnosticInfo> diagnostics, int regionStart)
    {
        var relative = diagnostics.Count == 0 ? null : diagnostics.Select(d => d with { Offset = d.Offset - regionStart }).ToArray();
        return GreenToken.Create(SyntaxKind.EndOfFileToken, string.Empty, null, trivia.ToArray(), null, GreenFlags.None, relative);
    }

    public static GreenSourceFile MakeRoot(GreenNode[] directives, InstructionChunk[] chunks, GreenToken endOfFile, SourceText source)
    {
        var hasInstructions = chunks.Length > 0;
        if (hasInstructions && source.InvalidUtf8Offsets.Count == 0)
        {
            return new GreenSourceFile(directives, chunks, endOfFile, null);
        }
        var diagnostics = new List<SyntaxDiagnosticInfo>();
        if (!hasInstructions)
        {
            diagnostics.Add(new SyntaxDiagnosticInfo(SyntaxDiagnosticIds.NoInstructions, DiagnosticSeverity.Error,
                "The Dockerfile contains no instructions.", 0, 0));
        }
        foreach (var offset in source.InvalidUtf8Offsets)
        {
            diagnostics.Add(new SyntaxDiagnosticInfo(SyntaxDiagnosticIds.InvalidUtf8, DiagnosticSeverity.Warning,
                "Invalid UTF-8 byte sequence (shown as U+FFFD).", offset, 1));
        }
        return new GreenSourceFile(directives, chunks, endOfFile, diagnostics.ToArray());
    }

    public static int TriviaWidth(List<GreenTrivia> trivia)
    {
        var width = 0;
        foreach (var piece in trivia) width += piece.FullWidth;
        return width;
    }
}
