namespace DockerLsp.Syntax.Shell;

/// <summary>
/// Finds heredoc openers the way BuildKit's parser does (<c>heredocsFromLine</c> and <c>ParseHeredoc</c>):
/// lex the logical line into words keeping quotes, escapes and unset <c>$VAR</c>s as written, then test each word
/// against <c>^(\d*)&lt;&lt;(-?)\s*([^&lt;]*)$</c> (matched by hand here) and lex the name part twice, with and
/// without quotes, to get the name and to learn whether it was quoted. Which instructions take heredocs
/// (RUN, COPY, ADD, not exec form) is the parser's decision, not this class's.
/// </summary>
public static class HeredocDetector
{
    private static readonly ShellWordOptions s_lineOptions = new()
    {
        RawQuotes = true,
        RawEscapes = true,
        SkipUnsetEnv = true,
    };

    private static readonly ShellWordOptions s_nameOptions = new() { SkipUnsetEnv = true };
    private static readonly ShellWordOptions s_rawNameOptions = new() { SkipUnsetEnv = true, RawQuotes = true };

    /// <summary>
    /// Returns the openers of one logical line (continuations already joined), in order. An unbalanced quote
    /// anywhere on the line makes the lexing fail and then the line has no heredocs, as in BuildKit. The lexer
    /// always uses the backslash escape here, whatever the Dockerfile's escape directive says (BuildKit does too).
    /// </summary>
    public static IReadOnlyList<HeredocOpener> FindInLine(string logicalLine)
    {
        // Without "<<" no word can match, and this runs on every RUN/COPY/ADD line.
        if (string.IsNullOrEmpty(logicalLine) || !logicalLine.Contains("<<", StringComparison.Ordinal))
        {
            return [];
        }

        var lexed = ShellWordExpander.ExpandWords(logicalLine, ShellEnvironment.Empty, s_lineOptions);
        if (!lexed.Succeeded)
        {
            return [];
        }

        List<HeredocOpener>? openers = null;
        foreach (var word in lexed.Words)
        {
            // BuildKit fails the whole parse if a word errors here; that cannot happen for a word that came out
            // of a successful raw lexing, so treating it as "not an opener" loses nothing.
            if (TryParseWord(word.Text, out _) is { } opener)
            {
                (openers ??= []).Add(opener with { Start = word.Start, Length = word.End - word.Start });
            }
        }

        return openers ?? (IReadOnlyList<HeredocOpener>)[];
    }

    /// <summary>
    /// Parses one (raw-lexed) word as an opener. Returns null when the word is not an opener; when the reason is
    /// a malformed name (such as an unbalanced quote in <c>&lt;&lt;'EOF</c>) <paramref name="error"/> says why.
    /// The result's Start is 0 and its Length the word's length.
    /// </summary>
    public static HeredocOpener? TryParseWord(string word, out string? error)
    {
        error = null;
        if (word is null)
        {
            return null;
        }

        int pos = 0;
        while (pos < word.Length && char.IsAsciiDigit(word[pos]))
        {
            pos++;
        }

        int digitsEnd = pos;
        if (pos + 1 >= word.Length || word[pos] != '<' || word[pos + 1] != '<')
        {
            return null;
        }

        pos += 2;
        bool chomp = pos < word.Length && word[pos] == '-';
        if (chomp)
        {
            pos++;
        }

        while (pos < word.Length && ShellRunes.IsRegexSpace(word[pos]))
        {
            pos++;
        }

        // The name part runs to the end and may not contain '<' (so "<<<EOF" is not an opener).
        string rest = word[pos..];
        if (rest.Length == 0 || rest.Contains('<', StringComparison.Ordinal))
        {
            return null;
        }

        var plain = ShellWordExpander.ExpandWords(rest, ShellEnvironment.Empty, s_nameOptions);
        if (!plain.Succeeded)
        {
            error = plain.ErrorMessage;
            return null;
        }

        // "<<EOF sh" handed over as one string is two words, so it is not a single opener.
        if (plain.Words.Count != 1)
        {
            return null;
        }

        var raw = ShellWordExpander.ExpandWords(rest, ShellEnvironment.Empty, s_rawNameOptions);
        if (!raw.Succeeded || raw.Words.Count != 1)
        {
            error = raw.ErrorMessage ?? $"internal lexing of heredoc produced inconsistent results: {rest}";
            return null;
        }

        // Quote removal shrank the name exactly when part of it was quoted; an escaped quote survives both
        // lexings, so <<eo\'f still expands.
        string name = plain.Words[0].Text;
        bool expand = CountQuotes(name) == CountQuotes(raw.Words[0].Text);
        return new HeredocOpener(name, chomp, expand, ParseFileDescriptor(word.AsSpan(0, digitsEnd)), 0, word.Length);
    }

    /// <summary>Decimal digits to a descriptor; none means 0, and an overflowing number saturates.</summary>
    private static int ParseFileDescriptor(ReadOnlySpan<char> digits)
    {
        long value = 0;
        foreach (char digit in digits)
        {
            value = Math.Min(value * 10 + (digit - '0'), int.MaxValue);
        }

        return (int)value;
    }

    private static int CountQuotes(string text)
    {
        int count = 0;
        foreach (char c in text)
        {
            if (c is '\'' or '"')
            {
                count++;
            }
        }

        return count;
    }
}
