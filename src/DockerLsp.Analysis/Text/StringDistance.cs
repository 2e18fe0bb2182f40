namespace DockerLsp.Analysis;

/// <summary>
/// Edit distance for "did you mean" suggestions (optimal string alignment: insertions, deletions, substitutions and adjacent
/// transpositions each cost 1; case-sensitive), and the nearest-candidate search built on it.
/// </summary>
public static class StringDistance
{
    public static int Distance(string a, string b)
    {
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }
            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }
        return previous[b.Length];
    }

    /// <summary>A likely typo: different, and within edit distance 1 (2 for names of 8 characters or more, 3 from 16); names shorter than 3 never match.</summary>
    public static bool IsNearMiss(string candidate, string target)
    {
        if (candidate == target) return false;
        var longest = Math.Max(candidate.Length, target.Length);
        if (Math.Min(candidate.Length, target.Length) < 3) return false;
        var limit = longest >= 16 ? 3 : longest >= 8 ? 2 : 1;
        return Math.Abs(candidate.Length - target.Length) <= limit && Distance(candidate, target) <= limit;
    }

    /// <summary>The nearest candidate that is a near miss of <paramref name="name"/> (ignoring case for the comparison), or null.</summary>
    public static string? FindNearest(string name, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates.Distinct(StringComparer.Ordinal))
        {
            if (!IsNearMiss(name.ToLowerInvariant(), candidate.ToLowerInvariant()) && !string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase)) continue;
            if (string.Equals(name, candidate, StringComparison.Ordinal)) continue;
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best;
    }
}
