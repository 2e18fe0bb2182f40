using System.Text;
using System.Text.RegularExpressions;

namespace DockerLsp.Syntax.Shell;

/// <summary>
/// <c>${x/p/r}</c> and <c>${x//p/r}</c>. Replacing every match follows Go's <c>ReplaceAllString</c> by hand: an
/// empty match right after a match is skipped, and <c>$</c> in the replacement is a Go template reference.
/// .NET's <see cref="Regex.Replace(string, string)"/> differs on both counts (<c>${x//*/y}</c> would give "yy").
/// </summary>
internal static partial class ShellPattern
{
    /// <summary>Replaces the first match (greedy stars, not anchored), or every match when <paramref name="all"/>.</summary>
    public static bool TryReplace(string value, string pattern, string replacement, bool all, out string result, out string? error)
    {
        result = "";
        if (!TryConvert(pattern, greedy: true, anchored: false, out var regex, out error))
        {
            return false;
        }

        if (!all)
        {
            if (!TryMatch(regex, value, 0, out var match, out error))
            {
                return false;
            }

            // The first-match form inserts the replacement literally (BuildKit splices strings).
            result = match.Success
                ? string.Concat(value.AsSpan(0, match.Index), replacement, value.AsSpan(match.Index + match.Length))
                : value;
            return true;
        }

        return TryReplaceAll(regex, value, replacement, out result, out error);
    }

    /// <summary>
    /// Go's <c>ReplaceAllString</c>: successive non-overlapping matches; an empty match directly after the
    /// previous match is not replaced; the search always advances by at least one rune.
    /// </summary>
    private static bool TryReplaceAll(Regex regex, string value, string replacement, out string result, out string? error)
    {
        result = "";
        error = null;
        var output = new StringBuilder(value.Length + replacement.Length);
        int searchPos = 0;
        int lastMatchEnd = 0;
        while (searchPos <= value.Length)
        {
            if (!TryMatch(regex, value, searchPos, out var match, out error))
            {
                return false;
            }

            if (!match.Success)
            {
                break;
            }

            int matchEnd = match.Index + match.Length;
            output.Append(value, lastMatchEnd, match.Index - lastMatchEnd);
            if (matchEnd > lastMatchEnd || match.Index == 0)
            {
                AppendGoTemplate(output, replacement, value, match.Index, match.Length);
            }

            lastMatchEnd = matchEnd;
            int width = searchPos < value.Length ? ShellRunes.Width(value, searchPos) : 0;
            searchPos = searchPos + width > matchEnd ? searchPos + width
                : searchPos + 1 > matchEnd ? searchPos + 1
                : matchEnd;
        }

        output.Append(value, lastMatchEnd, value.Length - lastMatchEnd);
        result = output.ToString();
        return true;
    }

    /// <summary>
    /// Expands a Go regexp replacement template: <c>$$</c> is a dollar, <c>$name</c> / <c>${name}</c> refer to
    /// groups. Converted patterns have no groups, so only group 0 (<c>$0</c>, the whole match) yields text and
    /// every other reference yields nothing; a <c>$</c> that starts no valid reference is kept.
    /// </summary>
    private static void AppendGoTemplate(StringBuilder output, string template, string source, int matchIndex, int matchLength)
    {
        int i = 0;
        while (i < template.Length)
        {
            int dollar = template.IndexOf('$', i);
            if (dollar < 0)
            {
                output.Append(template, i, template.Length - i);
                return;
            }

            output.Append(template, i, dollar - i);
            i = dollar + 1;
            if (i < template.Length && template[i] == '$')
            {
                output.Append('$');
                i++;
                continue;
            }

            if (!TryReadTemplateName(template, i, out string name, out int next))
            {
                output.Append('$');
                continue;
            }

            i = next;
            if (name == "0")
            {
                output.Append(source, matchIndex, matchLength);
            }
        }
    }

    /// <summary>Reads <c>name</c> or <c>{name}</c> (letters, digits, underscore; non-empty) at <paramref name="start"/>.</summary>
    private static bool TryReadTemplateName(string template, int start, out string name, out int next)
    {
        name = "";
        next = start;
        bool braced = start < template.Length && template[start] == '{';
        int nameStart = braced ? start + 1 : start;
        int i = nameStart;
        while (i < template.Length)
        {
            int width = ShellRunes.Decode(template, i, out var rune);
            if (!Rune.IsLetter(rune) && !Rune.IsDigit(rune) && rune.Value != '_')
            {
                break;
            }

            i += width;
        }

        if (i == nameStart)
        {
            return false;
        }

        if (braced)
        {
            if (i >= template.Length || template[i] != '}')
            {
                return false;
            }

            next = i + 1;
        }
        else
        {
            next = i;
        }

        name = template[nameStart..i];
        return true;
    }
}
