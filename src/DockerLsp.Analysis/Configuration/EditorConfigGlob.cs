using System.Text;

namespace DockerLsp.Analysis;

/// <summary>
/// EditorConfig section globs: <c>*</c> (any run without '/'), <c>**</c> (any run), <c>?</c>, <c>[set]</c>, <c>[!set]</c>,
/// <c>{a,b}</c> and <c>{n1..n2}</c>, with <c>\</c> escapes. A glob without '/' matches the file name at any depth; one with
/// '/' matches the path relative to the .editorconfig's directory. Implemented as a small backtracking matcher.
/// </summary>
internal static class EditorConfigGlob
{
    public static bool IsMatch(string glob, string relativePath)
    {
        relativePath = relativePath.Replace('\\', '/');
        if (!glob.Contains('/'))
        {
            var slash = relativePath.LastIndexOf('/');
            return Match(glob, 0, slash >= 0 ? relativePath[(slash + 1)..] : relativePath, 0);
        }
        return Match(glob.TrimStart('/'), 0, relativePath, 0);
    }

    private static bool Match(string glob, int g, string path, int p)
    {
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
                    if (doubleStar && next < glob.Length && glob[next] == '/' && Match(glob, next + 1, path, p)) return true;
                    for (var i = p; i <= path.Length; i++)
                    {
                        if (Match(glob, next, path, i)) return true;
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
                    foreach (var alternative in Alternatives(glob[(g + 1)..close]))
                    {
                        if (Match(alternative + rest, 0, path, p)) return true;
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

    /// <summary>Top-level comma alternatives, or the numbers of a <c>n1..n2</c> range.</summary>
    private static IEnumerable<string> Alternatives(string body)
    {
        var range = body.Split("..");
        if (range.Length == 2 && int.TryParse(range[0], out var from) && int.TryParse(range[1], out var to))
        {
            for (var n = Math.Min(from, to); n <= Math.Max(from, to); n++) yield return n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield break;
        }
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
