using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.Suppression;

/// <summary>
/// Edits that suppress a diagnostic inline: for <see cref="SuppressionScope.Instruction"/>, a <c># dockerlsp ignore=ID</c> line
/// directly above the instruction (or the ID appended to such a line when one exists); for <see cref="SuppressionScope.File"/>, a
/// <c># dockerlsp global ignore=ID</c> line after the parser directives (or appended to an existing one). Minimal edits; the
/// document's line-break style and the instruction's indentation are kept. Returns no edit for parse errors (not suppressible)
/// or when the rule is already named.
/// </summary>
public static class SuppressionService
{
    public static DocumentChanges GetSuppressionEdits(DockerfileDocument document, Diagnostic diagnostic, SuppressionScope scope)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(diagnostic);
        if (!diagnostic.Descriptor.IsConfigurable) return DocumentChanges.Empty;
        var tree = document.SyntaxTree;
        var map = SuppressionMap.Create(tree);
        var newline = DetectNewline(tree.Text);
        if (scope == SuppressionScope.File)
        {
            var existing = map.FindFilePragma(PragmaSyntax.DockerLsp);
            if (existing is not null) return Append(existing, diagnostic.Id);
            var position = FileCommentPosition(tree);
            // After a last directive line without a line break, the comment must start on a new line.
            var prefix = position > 0 && position == tree.Text.Length && tree.Text[position - 1] != '\n' ? newline : string.Empty;
            return DocumentChanges.FromTextChanges(TextChange.Insert(position, prefix + "# dockerlsp global ignore=" + diagnostic.Id + newline));
        }

        var instruction = tree.Root.FindInstruction(diagnostic.Span.Start) ?? tree.Root.Instructions.LastOrDefault(i => i.Span.Start <= diagnostic.Span.Start);
        if (instruction is null) return GetSuppressionEdits(document, diagnostic, SuppressionScope.File);
        var pragma = map.FindInstructionPragma(instruction.Span.Start, PragmaSyntax.DockerLsp);
        if (pragma is not null) return Append(pragma, diagnostic.Id);
        var lineStart = tree.Text.Lines.GetLineStart(tree.Text.Lines.GetLineFromOffset(instruction.Span.Start));
        var indentation = tree.Text.ToString(TextSpan.FromBounds(lineStart, instruction.Span.Start));
        if (indentation.Any(c => c is not (' ' or '\t'))) indentation = string.Empty;
        return DocumentChanges.FromTextChanges(TextChange.Insert(lineStart, indentation + "# dockerlsp ignore=" + diagnostic.Id + newline));
    }

    private static DocumentChanges Append(SuppressionPragma pragma, string id) =>
        pragma.Codes.Contains(id, StringComparer.OrdinalIgnoreCase)
            ? DocumentChanges.Empty
            : DocumentChanges.FromTextChanges(TextChange.Insert(pragma.CodeListSpan.End, "," + id));

    /// <summary>After the parser directives (a comment before them would turn them into plain comments), else at the start after a BOM.</summary>
    private static int FileCommentPosition(SyntaxTree tree)
    {
        var lastDirective = tree.Root.Directives.LastOrDefault();
        if (lastDirective is not null)
        {
            var line = tree.Text.Lines.GetLineFromOffset(lastDirective.Span.Start);
            return tree.Text.Lines.GetLineEndIncludingBreak(line);
        }
        return tree.Text.Length > 0 && tree.Text[0] == '\uFEFF' ? 1 : 0;
    }

    internal static string DetectNewline(SourceText text)
    {
        var span = text.AsSpan();
        var index = span.IndexOf('\n');
        return index > 0 && span[index - 1] == '\r' ? "\r\n" : "\n";
    }
}
