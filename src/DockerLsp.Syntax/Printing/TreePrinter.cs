using System.Text;

namespace DockerLsp.Syntax.Printing;

/// <summary>
/// Prints a full-fidelity, indented tree for people and for tree-shape tests: one line per node and token, with spans
/// and (optionally) trivia. Texts are escaped so that every line is one line.
/// </summary>
public static class TreePrinter
{
    public static string Print(SyntaxNode node, bool includeTrivia = true, bool includeSpans = true)
    {
        var builder = new StringBuilder();
        Print(node, 0, builder, includeTrivia, includeSpans);
        return builder.ToString();
    }

    private static void Print(SyntaxNode node, int depth, StringBuilder builder, bool includeTrivia, bool includeSpans)
    {
        builder.Append(' ', depth * 2).Append(node.Kind);
        if (includeSpans) builder.Append(' ').Append(node.FullSpan);
        builder.Append('\n');
        foreach (var child in node.ChildNodesAndTokens())
        {
            if (child.AsNode() is { } childNode)
            {
                Print(childNode, depth + 1, builder, includeTrivia, includeSpans);
                continue;
            }
            var token = child.AsToken();
            builder.Append(' ', (depth + 1) * 2).Append(token.Kind).Append(' ').Append(Escape(token.Text));
            if (token.IsMissing) builder.Append(" <missing>");
            if (token.ValueText != token.Text) builder.Append(" value=").Append(Escape(token.ValueText));
            if (includeSpans) builder.Append(' ').Append(token.Span);
            builder.Append('\n');
            if (!includeTrivia) continue;
            foreach (var trivia in token.LeadingTrivia) builder.Append(' ', (depth + 2) * 2).Append("lead ").Append(trivia.Kind).Append(' ').Append(Escape(trivia.Text)).Append('\n');
            foreach (var trivia in token.TrailingTrivia) builder.Append(' ', (depth + 2) * 2).Append("trail ").Append(trivia.Kind).Append(' ').Append(Escape(trivia.Text)).Append('\n');
        }
    }

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                default:
                    if (char.IsControl(c) || c == '\uFEFF') builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                    else builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}
