using System.Text;

namespace DockerLsp.Syntax.Shell;

/// <summary>Quote and <c>&lt;</c> handling: the constructs whose output joins the current word without splitting.</summary>
internal sealed partial class ShellExpander
{
    /// <summary>
    /// <c>'…'</c>: everything up to the next single quote is literal; nothing escapes inside
    /// (so <c>'a\'</c> is the text <c>a\</c>).
    /// </summary>
    private bool TryScanSingleQuoted(StringBuilder result)
    {
        _pos++;
        int close = _text.IndexOf('\'', _pos);
        if (close < 0)
        {
            _pos = _text.Length;
            return Fail("unexpected end of statement while looking for matching single-quote", _text.Length);
        }

        if (_options.RawQuotes)
        {
            result.Append('\'');
        }

        result.Append(_text, _pos, close - _pos);
        if (_options.RawQuotes)
        {
            result.Append('\'');
        }

        _pos = close + 1;
        return true;
    }

    /// <summary>
    /// <c>"…"</c>: <c>$</c> still expands, and the escape token escapes only <c>"</c>, <c>$</c> and itself.
    /// Before any other character the escape stays as written (<c>"a\tb"</c> keeps its backslash). With raw
    /// escapes BuildKit writes the escape once for being raw and again for being kept, so <c>"\t"</c> gives
    /// <c>\\t</c>; we reproduce that because heredoc detection relexes such raw text.
    /// </summary>
    private bool TryScanDoubleQuoted(bool rawEscapes, StringBuilder result)
    {
        _pos++;
        if (_options.RawQuotes)
        {
            result.Append('"');
        }

        while (true)
        {
            if (_pos >= _text.Length)
            {
                return Fail("unexpected end of statement while looking for matching double-quote", _text.Length);
            }

            char c = _text[_pos];
            if (c == '"')
            {
                _pos++;
                if (_options.RawQuotes)
                {
                    result.Append('"');
                }

                return true;
            }

            if (c == '$')
            {
                if (!TryExpandDollar(out string value))
                {
                    return false;
                }

                if (!TryAppendExpansion(result, value)) return false;
                continue;
            }

            if (c == _escape)
            {
                _pos++;
                if (rawEscapes)
                {
                    result.Append(c);
                }

                if (_pos >= _text.Length)
                {
                    // The loop reports the missing closing quote.
                    continue;
                }

                char next = _text[_pos];
                if (next == '"' || next == '$' || next == _escape)
                {
                    result.Append(next);
                    _pos++;
                }
                else
                {
                    result.Append(c);
                }

                continue;
            }

            int width = ShellRunes.Width(_text, _pos);
            result.Append(_text, _pos, width);
            _pos += width;
        }
    }

    /// <summary>
    /// <c>&lt;</c> outside quotes. A single <c>&lt;</c> is ordinary text. <c>&lt;&lt;</c> takes the blanks after
    /// it into the same raw chunk, so <c>&lt;&lt;  EOF</c> stays one word and heredoc detection still sees an
    /// opener.
    /// </summary>
    private void ScanLessThan(StringBuilder result)
    {
        _pos++;
        if (_pos >= _text.Length || _text[_pos] != '<')
        {
            result.Append('<');
            return;
        }

        _pos++;
        result.Append("<<");
        while (_pos < _text.Length && ShellRunes.IsHeredocBlank(_text[_pos]))
        {
            result.Append(_text[_pos]);
            _pos++;
        }
    }
}
