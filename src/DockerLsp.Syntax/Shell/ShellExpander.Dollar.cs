namespace DockerLsp.Syntax.Shell;

/// <summary>
/// <c>$name</c> and <c>${name…}</c>. The order of checks follows BuildKit closely because the quirks are
/// observable: the modifier word is scanned before the variable is looked up, and with SkipUnsetEnv an unset
/// variable is reproduced before the modifier is validated (so <c>${X:=a}</c> survives heredoc detection),
/// and <c>${x:#p}</c> / <c>${x:%p}</c> behave like <c>#</c> / <c>%</c>.
/// </summary>
internal sealed partial class ShellExpander
{
    /// <summary>Expands the <c>$</c> at the cursor. A <c>$</c> not followed by a name is the literal text "$".</summary>
    private bool TryExpandDollar(out string value)
    {
        int start = _pos;
        _pos++;
        if (_pos < _text.Length && _text[_pos] == '{')
        {
            return TryExpandBraced(start, out value);
        }

        int nameStart = _pos;
        _pos = ShellRunes.ScanName(_text, nameStart);
        if (_pos == nameStart)
        {
            value = "$";
            return true;
        }

        string name = _text[nameStart.._pos];
        AddReference(name, start, nameStart, VariableModifier.None, braced: false);
        value = Lookup(name, out string current) ? current
            : _options.SkipUnsetEnv ? _text[start.._pos]
            : "";
        return true;
    }

    /// <summary>The cursor is on the <c>{</c> of a <c>${</c> that starts at <paramref name="start"/>.</summary>
    private bool TryExpandBraced(int start, out string value)
    {
        value = "";
        _pos++;
        if (_pos >= _text.Length)
        {
            return Fail(MissingBrace, _pos);
        }

        if (_text[_pos] is '{' or '}' or ':')
        {
            return Fail("syntax error: bad substitution", _pos);
        }

        int nameStart = _pos;
        _pos = ShellRunes.ScanName(_text, nameStart);
        string name = _text[nameStart.._pos];
        if (_pos >= _text.Length)
        {
            return Fail(MissingBrace, _pos);
        }

        int operatorStart = _pos;
        char op = _text[_pos];
        _pos += ShellRunes.Width(_text, _pos);
        switch (op)
        {
            case '}':
                bool set = Lookup(name, out string current);
                AddReference(name, start, nameStart, VariableModifier.None, braced: true);
                value = set ? current : _options.SkipUnsetEnv ? "${" + name + "}" : "";
                return true;

            case '/':
                return TryExpandReplace(start, name, nameStart, out value);

            case ':':
                if (_pos >= _text.Length)
                {
                    return Fail(MissingBrace, _pos);
                }

                char second = _text[_pos];
                _pos += ShellRunes.Width(_text, _pos);
                return TryExpandModifier(start, name, nameStart, second, colon: true, _text[operatorStart.._pos], out value);

            case '+' or '-' or '?' or '#' or '%':
                return TryExpandModifier(start, name, nameStart, op, colon: false, _text[operatorStart.._pos], out value);

            default:
                return Fail($"unsupported modifier ({_text[operatorStart.._pos]}) in substitution", operatorStart);
        }
    }

    /// <summary>
    /// <c>${name op word}</c> for op in <c>- + ? # %</c>, optionally after a colon (<paramref name="operatorText"/>
    /// is the operator as written, for error messages and SkipUnsetEnv reproduction).
    /// </summary>
    private bool TryExpandModifier(
        int start, string name, int nameStart, char op, bool colon, string operatorText, out string value)
    {
        value = "";

        // Pattern words keep their escapes so the pattern converter can tell \* from *.
        var builder = RentBuilder();
        bool scanned = TryScanNestedWord('}', rawEscapes: op is '#' or '%', builder, MissingBrace);
        string word = ReturnBuilder(builder);
        if (!scanned)
        {
            return false;
        }

        bool set = Lookup(name, out string current);
        AddReference(name, start, nameStart, ClassifyModifier(op, colon, word), braced: true);
        if (!set && _options.SkipUnsetEnv)
        {
            value = "${" + name + operatorText + word + "}";
            return true;
        }

        // With a colon, "set but empty" counts as unset.
        bool missing = !set || (colon && current.Length == 0);
        switch (op)
        {
            case '-':
                value = missing ? word : current;
                return true;

            case '+':
                value = missing ? "" : word;
                return true;

            case '?':
                if (!missing)
                {
                    value = current;
                    return true;
                }

                string message = word.Length > 0 ? word
                    : set ? "is not allowed to be empty"
                    : "is not allowed to be unset";
                return Fail($"{name}: {message}", start);

            case '#' or '%':
                // A doubled operator (## or %%) asks for the longest match.
                bool greedy = word.Length > 0 && word[0] == op;
                string pattern = greedy ? word[1..] : word;
                bool ok = op == '#'
                    ? ShellPattern.TryTrimPrefix(current, pattern, greedy, out value, out string? error)
                    : ShellPattern.TryTrimSuffix(current, pattern, greedy, out value, out error);
                return ok || Fail(error ?? "invalid pattern", start);

            default:
                return Fail($"unsupported modifier ({operatorText}) in substitution", start);
        }
    }

    /// <summary><c>${name/pattern/replacement}</c> (first match) and <c>${name//pattern/replacement}</c> (all).</summary>
    private bool TryExpandReplace(int start, string name, int nameStart, out string value)
    {
        value = "";
        bool all = _pos < _text.Length && _text[_pos] == '/';
        if (all)
        {
            _pos++;
        }

        var builder = RentBuilder();
        bool scanned = TryScanNestedWord('/', rawEscapes: true, builder, "syntax error: missing '/' in ${}");
        string pattern = ReturnBuilder(builder);
        if (!scanned)
        {
            return false;
        }

        builder = RentBuilder();
        scanned = TryScanNestedWord('}', rawEscapes: true, builder, MissingBrace);
        string replacement = ReturnBuilder(builder);
        if (!scanned)
        {
            return false;
        }

        bool set = Lookup(name, out string current);
        AddReference(name, start, nameStart, all ? VariableModifier.ReplaceAll : VariableModifier.ReplaceFirst, braced: true);
        if (!set && _options.SkipUnsetEnv)
        {
            // BuildKit prints a single '/' here even for '//', which changes the meaning; we keep what was written.
            value = "${" + name + (all ? "//" : "/") + pattern + "/" + replacement + "}";
            return true;
        }

        return ShellPattern.TryReplace(current, pattern, replacement, all, out value, out string? error)
            || Fail(error ?? "invalid pattern", start);
    }

    private static VariableModifier ClassifyModifier(char op, bool colon, string word) => op switch
    {
        '-' => colon ? VariableModifier.DefaultIfUnsetOrEmpty : VariableModifier.DefaultIfUnset,
        '+' => colon ? VariableModifier.AlternativeIfSetAndNotEmpty : VariableModifier.AlternativeIfSet,
        '?' => colon ? VariableModifier.ErrorIfUnsetOrEmpty : VariableModifier.ErrorIfUnset,
        '#' => word.StartsWith('#') ? VariableModifier.RemoveLongestPrefix : VariableModifier.RemoveShortestPrefix,
        '%' => word.StartsWith('%') ? VariableModifier.RemoveLongestSuffix : VariableModifier.RemoveShortestSuffix,
        _ => VariableModifier.Unsupported,
    };
}
