using System.Text;

namespace DockerLsp.Syntax.Shell;

/// <summary>
/// Accumulates the multi-word result. Two ways to add text, as in BuildKit: raw text (quoted text, escaped
/// characters, <c>&lt;&lt;</c> with its blanks) never splits, while split text (plain characters and unquoted
/// <c>$</c> expansions) ends the current word at each whitespace rune. Empty words are never emitted, even if a
/// quoted <c>""</c> started one. Each word remembers the input range of the constructs that fed it.
/// </summary>
internal sealed class WordCollector
{
    private readonly StringBuilder _current = new();
    private readonly List<ShellWord> _words = [];
    private int _start = -1;
    private int _end;

    /// <summary>Appends text that must stay in the current word; it marks the word as started even when empty.</summary>
    public void AppendRaw(ReadOnlySpan<char> text, int sourceStart, int sourceEnd)
    {
        Touch(sourceStart, sourceEnd);
        _current.Append(text);
    }

    /// <summary>Appends a slice of <paramref name="builder"/> that must stay in the current word.</summary>
    public void AppendRaw(StringBuilder builder, int index, int count, int sourceStart, int sourceEnd)
    {
        Touch(sourceStart, sourceEnd);
        _current.Append(builder, index, count);
    }

    /// <summary>Appends text whose whitespace runes end the current word (unquoted source or expansion output).</summary>
    public void AppendSplitting(string text, int sourceStart, int sourceEnd)
    {
        int i = 0;
        while (i < text.Length)
        {
            int width = ShellRunes.Decode(text, i, out var rune);
            if (ShellRunes.IsWhiteSpace(rune))
            {
                Break();
            }
            else
            {
                Touch(sourceStart, sourceEnd);
                _current.Append(text, i, width);
            }

            i += width;
        }
    }

    /// <summary>Ends the current word, emitting it only if it has text.</summary>
    public void Break()
    {
        if (_current.Length > 0)
        {
            _words.Add(new ShellWord(_current.ToString(), _start, _end));
            _current.Clear();
        }

        _start = -1;
    }

    /// <summary>Ends the last word and returns all of them.</summary>
    public List<ShellWord> Finish()
    {
        Break();
        return _words;
    }

    private void Touch(int sourceStart, int sourceEnd)
    {
        if (_start < 0)
        {
            _start = sourceStart;
        }

        _end = sourceEnd;
    }
}
