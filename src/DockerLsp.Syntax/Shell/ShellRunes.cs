using System.Text;

namespace DockerLsp.Syntax.Shell;

/// <summary>
/// Rune-level character classes shared by the expander, the tolerant reference scanner and the heredoc detector.
/// BuildKit scans UTF-8 runes and classifies them with Go's <c>unicode</c> package; .NET's <see cref="Rune"/>
/// predicates use the same Unicode categories, so names and word breaks agree for non-ASCII text.
/// A lone surrogate decodes as a one-char rune that is neither a letter, a digit nor whitespace.
/// </summary>
internal static class ShellRunes
{
    /// <summary>Decodes the rune at <paramref name="index"/> (which must be in range) and returns its UTF-16 width.</summary>
    public static int Decode(string text, int index, out Rune rune)
    {
        if (Rune.DecodeFromUtf16(text.AsSpan(index), out rune, out int consumed) != System.Buffers.OperationStatus.Done)
        {
            rune = Rune.ReplacementChar;
            return 1;
        }

        return consumed;
    }

    /// <summary>The UTF-16 width of the rune at <paramref name="index"/>: 2 for a valid surrogate pair, else 1.</summary>
    public static int Width(string text, int index) =>
        char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;

    /// <summary>Go's <c>unicode.IsSpace</c>: the Unicode White_Space property.</summary>
    public static bool IsWhiteSpace(Rune rune) => Rune.IsWhiteSpace(rune);

    /// <summary>Go regexp's <c>\s</c>: ASCII only, and without vertical tab.</summary>
    public static bool IsRegexSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';

    /// <summary>
    /// The blanks that <c>&lt;&lt;</c> absorbs so that <c>&lt;&lt;  EOF</c> stays one word. BuildKit's lexer
    /// takes spaces, tabs and carriage returns here (a CR can survive in a logical line of a CRLF file).
    /// </summary>
    public static bool IsHeredocBlank(char c) => c is ' ' or '\t' or '\r';

    /// <summary>POSIX special parameters: <c>$@ $* $# $? $- $$ $! $0</c> are one-character names.</summary>
    public static bool IsSpecialParameter(char c) => c is '@' or '*' or '#' or '?' or '-' or '$' or '!' or '0';

    /// <summary>
    /// Scans a parameter name starting at <paramref name="start"/> and returns the offset just past it
    /// (equal to <paramref name="start"/> when there is no name). A name is a run of digits (positional,
    /// <c>$1</c>, <c>$999</c>), one special-parameter character, or letters, digits and underscores
    /// that does not start with a digit.
    /// </summary>
    public static int ScanName(string text, int start)
    {
        int pos = start;
        if (pos >= text.Length)
        {
            return pos;
        }

        int width = Decode(text, pos, out var first);
        if (Rune.IsDigit(first))
        {
            while (pos < text.Length)
            {
                width = Decode(text, pos, out var rune);
                if (!Rune.IsDigit(rune))
                {
                    break;
                }

                pos += width;
            }

            return pos;
        }

        if (IsSpecialParameter(text[pos]))
        {
            return pos + 1;
        }

        while (pos < text.Length)
        {
            width = Decode(text, pos, out var rune);
            if (!Rune.IsLetter(rune) && !Rune.IsDigit(rune) && rune.Value != '_')
            {
                break;
            }

            pos += width;
        }

        return pos;
    }
}
