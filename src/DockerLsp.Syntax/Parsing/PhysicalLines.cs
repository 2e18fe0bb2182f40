using System.Text;

namespace DockerLsp.Syntax.Parsing;

/// <summary>
/// BuildKit's view of physical lines: lines end at LF only; a line's content excludes all trailing CR and LF characters
/// (so CRLF files parse like LF files and a lone CR is ordinary text). Character classes follow Go's definitions.
/// </summary>
internal static class PhysicalLines
{
    /// <summary>BuildKit rejects a physical line whose UTF-8 length reaches this many bytes.</summary>
    public const int MaxLineBytes = 65535;

    /// <summary>Offset after the line's LF (or the text end).</summary>
    public static int NextLineStart(string text, int lineStart)
    {
        var lf = text.IndexOf('\n', lineStart);
        return lf < 0 ? text.Length : lf + 1;
    }

    /// <summary>End of the line's content: trailing CR/LF characters removed.</summary>
    public static int ContentEnd(string text, int lineStart, int nextLineStart)
    {
        var end = nextLineStart;
        while (end > lineStart && (text[end - 1] == '\n' || text[end - 1] == '\r')) end--;
        return end;
    }

    /// <summary>Go's unicode.IsSpace (the .NET definition agrees on every character).</summary>
    public static bool IsSpace(char c) => char.IsWhiteSpace(c);

    /// <summary>BuildKit's reWhitespace class <c>[\t\v\f\r ]</c>, used to split keywords and simple argument lists.</summary>
    public static bool IsSplitSpace(char c) => c is ' ' or '\t' or '\v' or '\f' or '\r';

    public static int SkipSpaces(string text, int position, int end)
    {
        while (position < end && IsSpace(text[position])) position++;
        return position;
    }

    /// <summary>True when the line (content range) is empty or whitespace only.</summary>
    public static bool IsBlank(string text, int start, int contentEnd) => SkipSpaces(text, start, contentEnd) == contentEnd;

    /// <summary>True when the first non-whitespace character of the line is <c>#</c>.</summary>
    public static bool IsComment(string text, int start, int contentEnd)
    {
        var first = SkipSpaces(text, start, contentEnd);
        return first < contentEnd && text[first] == '#';
    }

    /// <summary>True when the content of a line is too long for BuildKit (checked cheaply: only long lines are measured).</summary>
    public static bool IsTooLong(string text, int start, int contentEnd)
    {
        var length = contentEnd - start;
        if (length * 3 < MaxLineBytes) return false;
        return Encoding.UTF8.GetByteCount(text.AsSpan(start, length)) >= MaxLineBytes;
    }
}
