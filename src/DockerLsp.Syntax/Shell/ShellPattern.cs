using System.Text;
using System.Text.RegularExpressions;

namespace DockerLsp.Syntax.Shell;

/// <summary>
/// Shell glob patterns for <c>${x#p}</c>, <c>${x%p}</c> and <c>${x/p/r}</c>: <c>*</c> (any string), <c>?</c>
/// (one character) and backslash escapes; bracket expressions are not supported (BuildKit has none).
/// A pattern is converted to a .NET regex, which here stands in for Go's regexp: both pick the leftmost match and
/// honour greedy versus lazy stars the same way, and both let <c>.</c> stop at a newline. Replacing all matches
/// follows Go's rules by hand (see <c>ShellPattern.Replace.cs</c>).
/// </summary>
internal static partial class ShellPattern
{
    /// <summary>Bounds the work a pathological pattern (many stars) can cause on a long value.</summary>
    private static readonly TimeSpan s_matchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Matches one rune: a surrogate pair counts as one character, as Go's <c>.</c> does.</summary>
    private const string AnyRune = "(?:[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|.)";

    /// <summary>Removes the shortest (or, if <paramref name="greedy"/>, longest) prefix matching the pattern.</summary>
    public static bool TryTrimPrefix(string value, string pattern, bool greedy, out string result, out string? error)
    {
        result = "";
        if (!TryConvert(pattern, greedy, anchored: true, out var regex, out error))
        {
            return false;
        }

        if (!TryMatch(regex, value, 0, out var match, out error))
        {
            return false;
        }

        result = match.Success ? value[(match.Index + match.Length)..] : value;
        return true;
    }

    /// <summary>
    /// Removes the shortest (or longest) suffix matching the pattern. A regex finds the leftmost match, not the
    /// one that starts latest, so both the value and the pattern are reversed and the prefix is trimmed instead.
    /// </summary>
    public static bool TryTrimSuffix(string value, string pattern, bool greedy, out string result, out string? error)
    {
        if (!TryTrimPrefix(ReverseRunes(value), ReversePattern(pattern), greedy, out string reversed, out error))
        {
            result = "";
            return false;
        }

        result = ReverseRunes(reversed);
        return true;
    }

    /// <summary>
    /// Converts a shell pattern to a regex. <c>\*</c>, <c>\?</c> and <c>\\</c> are literal; a backslash before
    /// <c>}</c> or <c>/</c> only protected that character from ending the <c>${…}</c> and is dropped; any other
    /// escape is an error, as in BuildKit.
    /// </summary>
    internal static bool TryConvert(string pattern, bool greedy, bool anchored, out Regex regex, out string? error)
    {
        regex = null!;
        error = null;
        var output = new StringBuilder(pattern.Length + 8);
        var literal = new StringBuilder();
        if (anchored)
        {
            output.Append('^');
        }

        // Go's text/scanner, which BuildKit uses to read the pattern, skips a leading byte-order mark.
        int i = pattern.Length > 0 && pattern[0] == '\uFEFF' ? 1 : 0;
        while (i < pattern.Length)
        {
            char c = pattern[i];
            if (c is '*' or '?')
            {
                FlushLiteral(output, literal);
                output.Append(c == '?' ? AnyRune : greedy ? ".*" : ".*?");
                i++;
                continue;
            }

            if (c == '\\')
            {
                char next = i + 1 < pattern.Length ? pattern[i + 1] : '\0';
                if (next is '}' or '/')
                {
                    i++;
                    continue;
                }

                if (next is not ('*' or '?' or '\\'))
                {
                    string shown = i + 1 < pattern.Length ? char.ToString(next) : "";
                    error = $"invalid pattern ({pattern}) in substitution: invalid escape '\\{shown}'";
                    return false;
                }

                literal.Append(next);
                i += 2;
                continue;
            }

            literal.Append(c);
            i++;
        }

        FlushLiteral(output, literal);
        try
        {
            regex = new Regex(output.ToString(), RegexOptions.CultureInvariant, s_matchTimeout);
            return true;
        }
        catch (ArgumentException exception)
        {
            // Escaping makes every pattern valid; this guards against a conversion bug rather than user input.
            error = $"invalid pattern ({pattern}) in substitution: {exception.Message}";
            return false;
        }
    }

    private static void FlushLiteral(StringBuilder output, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            output.Append(Regex.Escape(literal.ToString()));
            literal.Clear();
        }
    }

    internal static bool TryMatch(Regex regex, string value, int startAt, out Match match, out string? error)
    {
        try
        {
            match = regex.Match(value, startAt);
            error = null;
            return true;
        }
        catch (RegexMatchTimeoutException)
        {
            match = Match.Empty;
            error = "pattern matching took too long in substitution";
            return false;
        }
    }

    /// <summary>Reverses a string rune by rune, keeping surrogate pairs in order.</summary>
    internal static string ReverseRunes(string text)
    {
        if (text.Length < 2)
        {
            return text;
        }

        var output = new StringBuilder(text.Length);
        int i = text.Length;
        while (i > 0)
        {
            int width = i >= 2 && char.IsLowSurrogate(text[i - 1]) && char.IsHighSurrogate(text[i - 2]) ? 2 : 1;
            output.Append(text, i - width, width);
            i -= width;
        }

        return output.ToString();
    }

    /// <summary>
    /// Reverses a pattern rune by rune while keeping each escape in front of the character it escapes
    /// (<c>a\*c</c> becomes <c>c\*a</c>).
    /// </summary>
    internal static string ReversePattern(string pattern)
    {
        // Split into units (an escape pair or one rune), then emit the units in reverse order.
        var units = new List<(int Start, int Length)>();
        int i = 0;
        while (i < pattern.Length)
        {
            int length = pattern[i] == '\\' && i + 1 < pattern.Length
                ? 1 + ShellRunes.Width(pattern, i + 1)
                : ShellRunes.Width(pattern, i);
            units.Add((i, length));
            i += length;
        }

        var output = new StringBuilder(pattern.Length);
        for (int u = units.Count - 1; u >= 0; u--)
        {
            output.Append(pattern, units[u].Start, units[u].Length);
        }

        return output.ToString();
    }
}
