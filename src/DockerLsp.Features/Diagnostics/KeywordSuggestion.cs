using DockerLsp.Syntax;

namespace DockerLsp.Features.Diagnostics;

/// <summary>The instruction keyword closest to a misspelled one (edit distance at most 2 and at most a third of the word), upper case.</summary>
internal static class KeywordSuggestion
{
    public static string? For(string word)
    {
        if (word.Length is 0 or > 20) return null;
        var upper = word.ToUpperInvariant();
        var best = SyntaxFacts.InstructionKeywords.Select(k => (Keyword: k, Distance: Distance(upper, k))).MinBy(p => p.Distance);
        return best.Distance <= Math.Max(1, Math.Min(2, upper.Length / 3)) ? best.Keyword : null;
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
