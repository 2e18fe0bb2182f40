using System.Text;
using DockerLsp.Syntax.Printing;

namespace DockerLsp.Syntax.Tests.Infrastructure;

/// <summary>
/// Structural comparison of two trees (the incremental result against the full-parse oracle): kinds, spans, token
/// texts and values, trivia, and diagnostics. Returns a description of the first difference, or null.
/// </summary>
public static class TreeEquivalence
{
    public static string? FindDifference(SyntaxTree actual, SyntaxTree expected)
    {
        if (actual.EscapeCharacter != expected.EscapeCharacter) return $"escape {actual.EscapeCharacter} vs {expected.EscapeCharacter}";
        var difference = Compare(actual.Root, expected.Root, "SourceFile");
        if (difference is not null) return difference;
        var actualDiagnostics = string.Join("\n", actual.GetDiagnostics());
        var expectedDiagnostics = string.Join("\n", expected.GetDiagnostics());
        return actualDiagnostics == expectedDiagnostics ? null : $"diagnostics differ:\nincremental:\n{actualDiagnostics}\nfull:\n{expectedDiagnostics}";
    }

    private static string? Compare(SyntaxNode a, SyntaxNode b, string path)
    {
        if (a.Kind != b.Kind || a.FullSpan != b.FullSpan) return $"{path}: {a.Kind}{a.FullSpan} vs {b.Kind}{b.FullSpan}";
        if (a.SlotCount != b.SlotCount) return $"{path}: {a.SlotCount} children vs {b.SlotCount}";
        for (var i = 0; i < a.SlotCount; i++)
        {
            var ca = a.GetChild(i);
            var cb = b.GetChild(i);
            var childPath = $"{path}/{ca.Kind}[{i}]";
            if (ca.IsNode != cb.IsNode) return $"{childPath}: node/token mismatch";
            if (ca.AsNode() is { } na)
            {
                var difference = Compare(na, cb.AsNode()!, childPath);
                if (difference is not null) return difference;
                continue;
            }
            var ta = ca.AsToken();
            var tb = cb.AsToken();
            if (ta.Kind != tb.Kind || ta.Text != tb.Text || ta.ValueText != tb.ValueText || ta.FullSpan != tb.FullSpan || ta.IsMissing != tb.IsMissing)
            {
                return $"{childPath}: token {ta.Kind} {TreePrinter.Escape(ta.Text)} {ta.FullSpan} vs {tb.Kind} {TreePrinter.Escape(tb.Text)} {tb.FullSpan}";
            }
            var triviaA = Describe(ta);
            var triviaB = Describe(tb);
            if (triviaA != triviaB) return $"{childPath}: trivia {triviaA} vs {triviaB}";
        }
        return null;
    }

    private static string Describe(SyntaxToken token)
    {
        var builder = new StringBuilder();
        foreach (var trivia in token.LeadingTrivia) builder.Append('L').Append(trivia.Kind).Append(TreePrinter.Escape(trivia.Text));
        foreach (var trivia in token.TrailingTrivia) builder.Append('T').Append(trivia.Kind).Append(TreePrinter.Escape(trivia.Text));
        return builder.ToString();
    }
}
