using System.Globalization;
using System.Text;

namespace DockerLsp.Analysis;

/// <summary>
/// EditorConfig section globs: <c>*</c> (any run without '/'), <c>**</c> (any run), <c>?</c>, <c>[set]</c>, <c>[!set]</c>,
/// <c>{a,b}</c> and <c>{n1..n2}</c>, with <c>\</c> escapes. A glob without '/' matches the file name at any depth; one with
/// '/' matches the path relative to the .editorconfig's directory. Implemented as a small backtracking matcher.
/// </summary>
internal static class EditorConfigGlob
{
    /// <summary>Longest section pattern matched; longer ones are <see cref="IsTooComplex">too complex</see>.</summary>
    internal const int MaxLength = 4096;

    /// <summary>Most wildcards and braces in one pattern: each may backtrack, and each is one level of recursion.</summary>
    internal const int MaxSpecials = 64;

    /// <summary>Matching steps allowed per pattern and path; a pattern that needs more does not match.</summary>
    private const int StepBudget = 200_000;

    /// <summary>
    /// True for a pattern this matcher refuses: longer than <see cref="MaxLength"/> or with more than <see cref="MaxSpecials"/>
    /// of <c>*</c>, <c>{</c> and <c>[</c>. Why: the matcher backtracks and recurses once per wildcard or brace, so a hostile
    /// pattern (100,000 nested braces) overflowed the stack, which ends the process; no real section needs that many.
    /// </summary>
    public static bool IsTooComplex(string glob) =>
        glob.Length > MaxLength || glob.Count(c => c is '*' or '{' or '[') > MaxSpecials;

    public static bool IsMatch(string glob, string relativePath)
    {
        if (IsTooComplex(glob)) return false;
        relativePath = relativePath.Replace('\\', '/');
        var budget = StepBudget;
        if (!glob.Contains('/'))
        {
            var slash = relativePath.LastIndexOf('/');
            return Match(glob, 0, slash >= 0 ? relativePath[(slash + 1)..] : relativePath, 0, ref budget);
        }
        return Match(glob.TrimStart('/'), 0, relativePath, 0, ref budget);
    }

    private static bool Match(string glob, int g, string path, int p, ref int budget)
    {
        if (--budget < 0) return false;
        while (g < glob.Length)
        {
            var c = glob[g];
            switch (c)
            {
                case '*':
                {
                    var doubleStar = g + 1 < glob.Length && glob[g + 1] == '*';
                    var next = doubleStar ? g + 2 : g + 1;
                    // "**/" also matches zero directories.
                    if (doubleStar && next < glob.Length && glob[next] == '/' && Match(glob, next + 1, path, p, ref budget)) return true;
                    for (var i = p; i <= path.Length; i++)
                    {
                        if (Match(glob, next, path, i, ref budget)) return true;
                        if (i < path.Length && path[i] == '/' && !doubleStar) return false;
                    }
                    return false;
                }
                case '?':
                    if (p >= path.Length || path[p] == '/') return false;
                    g++;
                    p++;
                    break;
                case '[':
                {
                    var close = glob.IndexOf(']', g + 1);
                    if (close < 0) goto default;
                    if (p >= path.Length) return false;
                    var set = glob[(g + 1)..close];
                    var negate = set.StartsWith('!') || set.StartsWith('^');
                    if (negate) set = set[1..];
                    if (InSet(set, path[p]) == negate) return false;
                    g = close + 1;
                    p++;
                    break;
                }
                case '{':
                {
                    var close = FindClosingBrace(glob, g);
                    if (close < 0) goto default;
                    var rest = glob[(close + 1)..];
                    var body = glob[(g + 1)..close];
                    if (NumericRange(body) is { } range) return MatchNumber(range.From, range.To, rest, path, p, ref budget);
                    foreach (var alternative in Alternatives(body))
                    {
                        if (Match(alternative + rest, 0, path, p, ref budget)) return true;
                    }
                    return false;
                }
                case '\\' when g + 1 < glob.Length:
                    if (p >= path.Length || path[p] != glob[g + 1]) return false;
                    g += 2;
                    p++;
                    break;
                default:
                    if (p >= path.Length || path[p] != c) return false;
                    g++;
                    p++;
                    break;
            }
        }
        return p == path.Length;
    }

    private static bool InSet(string set, char c)
    {
        for (var i = 0; i < set.Length; i++)
        {
            if (i + 2 < set.Length && set[i + 1] == '-')
            {
                if (c >= set[i] && c <= set[i + 2]) return true;
                i += 2;
            }
            else if (set[i] == c)
            {
                return true;
            }
        }
        return false;
    }

    private static int FindClosingBrace(string glob, int open)
    {
        var depth = 0;
        for (var i = open; i < glob.Length; i++)
        {
            if (glob[i] == '\\') { i++; continue; }
            if (glob[i] == '{') depth++;
            else if (glob[i] == '}' && --depth == 0) return i;
        }
        return -1;
    }

    /// <summary>The bounds of a <c>n1..n2</c> body (in either order), or null.</summary>
    private static (long From, long To)? NumericRange(string body)
    {
        var range = body.Split("..");
        if (range.Length != 2 || !int.TryParse(range[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var from)
            || !int.TryParse(range[1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var to)) return null;
        return (Math.Min(from, to), Math.Max(from, to));
    }

    /// <summary>
    /// Matches an integer of the range at <paramref name="p"/>, written as the range would write it (no leading zeros or '+'),
    /// then the rest: each candidate length of the digits there is tried, instead of every number of the range (a range of two
    /// billion numbers took minutes).
    /// </summary>
    private static bool MatchNumber(long from, long to, string rest, string path, int p, ref int budget)
    {
        var start = p < path.Length && path[p] == '-' ? p + 1 : p;
        for (var end = start + 1; end <= path.Length && end - start <= 11 && char.IsAsciiDigit(path[end - 1]); end++)
        {
            var text = path[p..end];
            if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < from || value > to) continue;
            if (value.ToString(CultureInfo.InvariantCulture) != text) continue;
            if (Match(rest, 0, path, end, ref budget)) return true;
        }
        return false;
    }

    /// <summary>Top-level comma alternatives.</summary>
    private static IEnumerable<string> Alternatives(string body)
    {
        var depth = 0;
        var current = new StringBuilder();
        for (var i = 0; i < body.Length; i++)
        {
            var c = body[i];
            if (c == '\\' && i + 1 < body.Length) { current.Append(c).Append(body[++i]); continue; }
            if (c == '{') depth++;
            if (c == '}') depth--;
            if (c == ',' && depth == 0)
            {
                yield return current.ToString();
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        yield return current.ToString();
    }
}
