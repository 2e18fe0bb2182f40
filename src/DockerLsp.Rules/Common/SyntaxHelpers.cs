using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Common;

/// <summary>Small tree queries shared by analyzers and fixes.</summary>
internal static class SyntaxHelpers
{
    /// <summary>The innermost node of type <typeparamref name="T"/> containing <paramref name="position"/> (code fixes find their instruction this way).</summary>
    public static T? FindNode<T>(SyntaxTree tree, int position) where T : SyntaxNode =>
        tree.Root.FindToken(position).Parent?.Ancestors(includeSelf: true).OfType<T>().FirstOrDefault();

    /// <summary>The span that removes a top-level instruction's own lines: from the start of its keyword's line to the end of its full span (line break and heredocs included). Comments above it stay.</summary>
    public static TextSpan InstructionLinesSpan(SyntaxTree tree, InstructionSyntax instruction)
    {
        var lines = tree.Text.Lines;
        var start = lines.GetLineStart(lines.GetLineFromOffset(instruction.Span.Start));
        return TextSpan.FromBounds(start, instruction.FullSpan.End);
    }

    /// <summary>The line break the document uses (<c>\r\n</c> when its first line ends so).</summary>
    public static string Newline(SourceText text)
    {
        var span = text.AsSpan();
        var index = span.IndexOf('\n');
        return index > 0 && span[index - 1] == '\r' ? "\r\n" : "\n";
    }

    /// <summary>The text's indentation before <paramref name="position"/> on its line (spaces and tabs only).</summary>
    public static string IndentationAt(SourceText text, int position)
    {
        var lines = text.Lines;
        var lineStart = lines.GetLineStart(lines.GetLineFromOffset(position));
        var indentation = text.ToString(TextSpan.FromBounds(lineStart, position));
        return indentation.All(c => c is ' ' or '\t') ? indentation : string.Empty;
    }

    /// <summary>Re-cases <paramref name="word"/> like <paramref name="model"/>: lower when the model is all lower-case, upper otherwise.</summary>
    public static string CaseLike(string word, string model) =>
        model.Any(char.IsLetter) && model.Where(char.IsLetter).All(char.IsLower) ? word.ToLowerInvariant() : word.ToUpperInvariant();

    /// <summary>Maps an offset in a token's value text to the source (exact when the token has no embedded continuation).</summary>
    public static TextSpan ValueSubSpan(SyntaxToken token, int start, int length)
    {
        if (token.Text == token.ValueText)
        {
            start = Math.Clamp(start, 0, token.Text.Length);
            return new TextSpan(token.Span.Start + start, Math.Clamp(length, 0, token.Text.Length - start));
        }
        return token.Span;
    }

    /// <summary>Top-level instructions of a stage, skipping the FROM.</summary>
    public static IEnumerable<InstructionSyntax> Body(this Analysis.Semantics.BuildStage stage) => stage.Instructions.Skip(1);
}
