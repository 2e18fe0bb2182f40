using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.Diagnostics;

/// <summary>
/// Suppression edits in the rule engine's comment syntax, for the syntax-only engine: <c># dockerlsp ignore=ID</c> on the
/// line above an instruction, <c># dockerlsp global ignore=ID</c> after the parser directives; an ID is appended to an
/// existing comment of the same kind instead of adding a second one.
/// </summary>
internal static class SuppressionComments
{
    public static IReadOnlyList<TextChange> Edit(SyntaxTree tree, string id, int position, SuppressionTarget target)
    {
        var text = tree.Text;
        var newline = text.AsSpan().IndexOf("\r\n") >= 0 ? "\r\n" : "\n";
        if (target == SuppressionTarget.File)
        {
            foreach (var comment in AllComments(tree))
            {
                if (AppendTo(comment, "# dockerlsp global ignore=", id) is { } append) return append;
            }
            var after = tree.Root.Directives.LastOrDefault() is { } last ? text.Lines.GetLineEndIncludingBreak(text.Lines.GetLineFromOffset(last.Span.Start)) : 0;
            return [TextChange.Insert(after, "# dockerlsp global ignore=" + id + newline)];
        }
        var instruction = tree.Root.FindInstruction(position);
        if (instruction is null) return Edit(tree, id, position, SuppressionTarget.File);
        var keyword = instruction.GetFirstToken();
        var above = keyword.LeadingTrivia.Where(t => t.Kind == SyntaxKind.CommentTrivia).LastOrDefault();
        if (above.Kind != SyntaxKind.None && text.Lines.GetLineFromOffset(above.Position) + 1 == text.Lines.GetLineFromOffset(instruction.Span.Start) &&
            AppendTo(above, "# dockerlsp ignore=", id) is { } merged)
        {
            return merged;
        }
        var lineStart = text.Lines.GetLineStart(text.Lines.GetLineFromOffset(instruction.Span.Start));
        var indentation = text.ToString(TextSpan.FromBounds(lineStart, instruction.Span.Start));
        if (indentation.Any(c => c is not (' ' or '\t'))) indentation = string.Empty;
        return [TextChange.Insert(lineStart, indentation + "# dockerlsp ignore=" + id + newline)];
    }

    private static IEnumerable<SyntaxTrivia> AllComments(SyntaxTree tree) =>
        tree.Root.Instructions.SelectMany(i => i.GetFirstToken().LeadingTrivia)
            .Concat(tree.Root.EndOfFileToken.LeadingTrivia)
            .Where(t => t.Kind == SyntaxKind.CommentTrivia);

    /// <summary>The edit adding <paramref name="id"/> to a comment starting with <paramref name="prefix"/>; empty when already named; null when the comment is not of that kind.</summary>
    private static IReadOnlyList<TextChange>? AppendTo(SyntaxTrivia comment, string prefix, string id)
    {
        if (!comment.Text.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var listStart = prefix.Length;
        var listEnd = listStart;
        while (listEnd < comment.Text.Length && !char.IsWhiteSpace(comment.Text[listEnd])) listEnd++;
        var codes = comment.Text[listStart..listEnd].Split(',', StringSplitOptions.RemoveEmptyEntries);
        return codes.Contains(id, StringComparer.OrdinalIgnoreCase) ? [] : [TextChange.Insert(comment.Position + listEnd, "," + id)];
    }
}
