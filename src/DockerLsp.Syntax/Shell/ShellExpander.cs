using System.Text;

namespace DockerLsp.Syntax.Shell;

/// <summary>
/// The cursor-based engine behind <see cref="ShellWordExpander"/>: one instance scans one input once.
/// It keeps two outputs in step, as BuildKit does: the single-word result buffer and (in multi-word mode) a
/// <see cref="WordCollector"/>. Failures never throw: a <c>Try…</c> method records the message and offset and
/// returns false, and every caller passes that false straight up. This file holds the word loop and the
/// shared plumbing; <c>ShellExpander.Quotes.cs</c> and <c>ShellExpander.Dollar.cs</c> hold the constructs.
/// </summary>
internal sealed partial class ShellExpander
{
    /// <summary>Stop "character" meaning: scan to the end of the input.</summary>
    private const int EndOfInput = -1;

    /// <summary>
    /// Nested <c>${x:-${y:-…}}</c> words recurse; a hostile line must not overflow the stack (which would kill
    /// the server rather than fail one instruction). Real Dockerfiles nest two or three levels.
    /// </summary>
    private const int MaxNesting = 200;

    private const string MissingBrace = "syntax error: missing '}'";

    /// <summary>
    /// Longest expansion produced (1 MiB of UTF-16 code units); a longer one fails with <see cref="TooLong"/>. BuildKit has no
    /// such limit, but a Dockerfile can double a value per line (<c>ARG a2=$a1$a1</c>), and sixty such lines made the analysis
    /// run out of memory or time; no real build uses a megabyte-long variable.
    /// </summary>
    internal const int MaxResultLength = 1 << 20;

    internal const string TooLong = "expansion longer than 1 MiB (DockerLsp stops expanding here)";

    // Not readonly: the parser's validation reuses one expander per thread (Validate), resetting these.
    private string _text;
    private IShellEnvironment _env;
    private ShellWordOptions _options;
    private char _escape;
    private readonly List<VariableReference> _references = [];
    private readonly HashSet<string> _matched = new(StringComparer.Ordinal);
    private readonly HashSet<string> _unmatched = new(StringComparer.Ordinal);
    private readonly Stack<StringBuilder> _builderPool = new();
    private int _pos;
    private int _nesting;
    private string? _error;
    private int _errorOffset;

    private ShellExpander(string text, IShellEnvironment env, ShellWordOptions options)
    {
        _text = text;
        _env = env;
        _options = options;
        _escape = options.EscapeToken;
    }

    /// <summary>Expands <paramref name="text"/>; <paramref name="splitWords"/> selects multi-word mode.</summary>
    public static ShellExpansionResult Run(string? text, IShellEnvironment? env, ShellWordOptions? options, bool splitWords)
    {
        var expander = new ShellExpander(text ?? "", env ?? ShellEnvironment.Empty, options ?? ShellWordOptions.Default);
        return expander.Run(splitWords);
    }

    /// <summary>The expander the parser's <see cref="Validate"/> reuses on this thread (never re-entered: Validate calls nothing that validates).</summary>
    [ThreadStatic]
    private static ShellExpander? t_validator;

    /// <summary>
    /// Whether <paramref name="text"/> expands (as <see cref="ShellWordExpander.ExpandWord"/> with an empty environment would
    /// decide): null when it does, else the error message. For the parser, which checks every word with a <c>$</c> or a quote
    /// and needs no result: it reuses one expander and its string builders per thread instead of allocating a result.
    /// </summary>
    public static string? Validate(string text, ShellWordOptions options)
    {
        var expander = t_validator ??= new ShellExpander(string.Empty, ShellEnvironment.Empty, options);
        expander.Reset(text, ShellEnvironment.Empty, options);
        var builder = expander.RentBuilder();
        var ok = expander.Scan(builder, null);
        expander.Release(builder);
        return ok ? null : expander._error ?? "expansion failed";
    }

    private void Reset(string text, IShellEnvironment env, ShellWordOptions options)
    {
        _text = text;
        _env = env;
        _options = options;
        _escape = options.EscapeToken;
        _references.Clear();
        _matched.Clear();
        _unmatched.Clear();
        _pos = 0;
        _nesting = 0;
        _error = null;
        _errorOffset = 0;
    }

    private ShellExpansionResult Run(bool splitWords)
    {
        var result = new StringBuilder(_text.Length);
        var words = splitWords ? new WordCollector() : null;
        bool ok = Scan(result, words);

        // References are recorded when they end, so an outer ${a:-$b} lands after $b; callers want source order.
        _references.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return ok
            ? new ShellExpansionResult(result.ToString(), words?.Finish() ?? [], _references, _matched, _unmatched, null, -1)
            : new ShellExpansionResult("", [], _references, _matched, _unmatched, _error ?? "expansion failed", _errorOffset);
    }

    /// <summary>
    /// Scans one word until <paramref name="stopChar"/> (consumed) or the end of input. Outside quotes:
    /// <c>$</c> expands (its output splits words), quotes and <c>&lt;</c> produce raw text, the escape token
    /// makes the next rune literal, and any other whitespace rune ends the current word.
    /// <paramref name="rawEscapes"/> is explicit because BuildKit switches it per nested word
    /// (pattern words keep their escapes, default/alternative words do not).
    /// </summary>
    private bool ScanWord(int stopChar, bool rawEscapes, StringBuilder result, WordCollector? words)
    {
        while (_pos < _text.Length)
        {
            char c = _text[_pos];
            int segmentStart = _pos;
            if (c == stopChar)
            {
                _pos++;
                return true;
            }

            if (c == '$')
            {
                if (!TryExpandDollar(out string value))
                {
                    return false;
                }

                if (!TryAppendExpansion(result, value)) return false;
                words?.AppendSplitting(value, segmentStart, _pos);
                continue;
            }

            if (c is '\'' or '"' && !_options.SkipProcessQuotes)
            {
                int mark = result.Length;
                bool ok = c == '\'' ? TryScanSingleQuoted(result) : TryScanDoubleQuoted(rawEscapes, result);
                if (!ok)
                {
                    return false;
                }

                words?.AppendRaw(result, mark, result.Length - mark, segmentStart, _pos);
                continue;
            }

            if (c == '<')
            {
                int mark = result.Length;
                ScanLessThan(result);
                words?.AppendRaw(result, mark, result.Length - mark, segmentStart, _pos);
                continue;
            }

            if (c == _escape)
            {
                _pos++;
                if (rawEscapes)
                {
                    result.Append(c);
                    words?.AppendRaw(_text.AsSpan(segmentStart, 1), segmentStart, _pos);
                }

                if (_pos >= _text.Length)
                {
                    // A trailing escape escapes nothing and is dropped.
                    break;
                }

                int escapedWidth = ShellRunes.Width(_text, _pos);
                result.Append(_text, _pos, escapedWidth);
                _pos += escapedWidth;

                // An escaped character never splits, even a space: that is what `a\ b` is for.
                words?.AppendRaw(_text.AsSpan(_pos - escapedWidth, escapedWidth), segmentStart, _pos);
                continue;
            }

            int width = ShellRunes.Decode(_text, _pos, out var rune);
            result.Append(_text, _pos, width);
            _pos += width;
            if (words is not null)
            {
                if (ShellRunes.IsWhiteSpace(rune))
                {
                    words.Break();
                }
                else
                {
                    words.AppendRaw(_text.AsSpan(segmentStart, width), segmentStart, _pos);
                }
            }
        }

        return stopChar == EndOfInput
            || Fail($"unexpected end of statement while looking for matching {(char)stopChar}", _text.Length);
    }

    /// <summary>
    /// Scans the word of a <c>${name…}</c> form up to <paramref name="stopChar"/>. When scanning fails at the
    /// end of the input, the real problem is the unclosed <c>${</c>, so the message becomes
    /// <paramref name="endOfInputMessage"/> (BuildKit does the same).
    /// </summary>
    private bool TryScanNestedWord(int stopChar, bool rawEscapes, StringBuilder result, string endOfInputMessage)
    {
        if (_nesting >= MaxNesting)
        {
            return Fail("syntax error: substitutions nested too deeply", _pos);
        }

        _nesting++;
        bool ok = ScanWord(stopChar, rawEscapes, result, words: null);
        _nesting--;
        if (!ok && _pos >= _text.Length)
        {
            return Fail(endOfInputMessage, _text.Length);
        }

        return ok;
    }

    /// <summary>Looks a name up, remembering it as matched or unmatched (BuildKit reports both sets).</summary>
    private bool Lookup(string name, out string value)
    {
        if (_env.TryGetValue(name, out value))
        {
            _matched.Add(name);
            value ??= "";
            return true;
        }

        _unmatched.Add(name);
        value = "";
        return false;
    }

    /// <summary>Records a reference that started at <paramref name="start"/> and ends at the cursor.</summary>
    private void AddReference(string name, int start, int nameStart, VariableModifier modifier, bool braced)
    {
        if (name.Length > 0)
        {
            _references.Add(new VariableReference(name, start, _pos - start, nameStart, name.Length, modifier, braced));
        }
    }

    /// <summary>Appends an expanded value, or fails with <see cref="TooLong"/> when the result would pass <see cref="MaxResultLength"/>.</summary>
    private bool TryAppendExpansion(StringBuilder result, string value)
    {
        if (result.Length + value.Length > MaxResultLength) return Fail(TooLong, _pos);
        result.Append(value);
        return true;
    }

    private bool Fail(string message, int offset)
    {
        _error = message;
        _errorOffset = offset;
        return false;
    }

    /// <summary>Scans the whole input as one word into <paramref name="result"/>; false with <see cref="_error"/> set on failure.</summary>
    private bool Scan(StringBuilder result, WordCollector? words)
    {
        // BuildKit reads the input through Go's text/scanner, which drops a byte-order mark at the very start.
        if (_text.Length > 0 && _text[0] == '\uFEFF')
        {
            _pos = 1;
        }
        return ScanWord(EndOfInput, _options.RawEscapes, result, words);
    }

    private StringBuilder RentBuilder() => _builderPool.Count > 0 ? _builderPool.Pop() : new StringBuilder();

    /// <summary>Returns a builder to the pool without making a string; very large ones are dropped rather than kept alive.</summary>
    private void Release(StringBuilder builder)
    {
        if (builder.Capacity > 4096) return;
        builder.Clear();
        _builderPool.Push(builder);
    }

    private string ReturnBuilder(StringBuilder builder)
    {
        string text = builder.ToString();
        Release(builder);
        return text;
    }
}
