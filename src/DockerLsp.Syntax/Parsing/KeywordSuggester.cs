namespace DockerLsp.Syntax.Parsing;

/// <summary>Suggests the instruction keyword closest to a misspelled one (edit distance, case-insensitive).</summary>
internal static class KeywordSuggester
{
    public static string? Suggest(string word)
    {
        if (word.Length == 0 || word.Length > 20) return null;
        var upper = word.ToUpperInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var keyword in SyntaxFacts.InstructionKeywords)
        {
            var distance = Distance(upper, keyword);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = keyword;
            }
        }
        var allowed = Math.Max(1, Math.Min(2, upper.Length / 3));
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Optimal string alignment distance (Levenshtein plus adjacent transpositions).</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
