using System.Text;

namespace DockerLsp.Analysis.Shell;

/// <summary>
/// A POSIX-shell tokenizer over one logical script range: blanks, comments, newlines (with heredoc bodies skipped after them),
/// control and redirection operators, parentheses and words. Words honour single and double quotes, backslash escapes,
/// backslash-newline continuations, <c>${...}</c>, <c>$(...)</c>, <c>$((...))</c> and backticks; the inner ranges of command
/// substitutions are collected so that the parser can read the commands inside them. Never throws on malformed text: an
/// unterminated quote or substitution runs to the end of the range.
/// </summary>
internal sealed class ShellLexer
{
    private static readonly string[] s_operators = ["&&", "||", ";;&", ";;", ";&", "|&", ";", "|", "&"];
    private static readonly string[] s_redirections = ["&>>", "&>", "<<<", "<<-", "<<", "<>", "<&", ">>", ">|", ">&", "<", ">"];

    private readonly string _text;
    private readonly ShellSourceMap _map;
    private readonly int _end;
    private readonly List<ShellToken> _tokens = [];
    private readonly StringBuilder _value = new();
    private readonly Queue<(string Delimiter, bool StripTabs)> _pendingHeredocs = new();
    private int _position;

    /// <summary>
    /// How many command substitutions the scan is inside (while skipping one to its ')'). Only substitutions at level 0 are
    /// recorded: the builder lexes each recorded one again and finds the ones nested in it there. Recording nested ones too
    /// made every level read again from every level above it, 2^n for n nested <c>"$(...)"</c> (20 levels took 4 s, 25
    /// minutes), and listed the inner commands twice.
    /// </summary>
    private int _substitutionNesting;

    /// <summary>Deeper nesting than any real script has; beyond it quoted text inside substitutions is skipped flat.</summary>
    private const int MaxSubstitutionNesting = 64;
    private bool _expectHeredocDelimiter;
    private bool _stripTabs;

    private ShellLexer(ShellSourceMap map, int start, int end)
    {
        _map = map;
        _text = map.Text;
        _position = start;
        _end = end;
    }

    /// <summary>Inner ranges [start, end) of <c>$( )</c> and backtick substitutions found while lexing.</summary>
    public List<(int Start, int End)> Substitutions { get; } = [];

    public static ShellLexer Lex(ShellSourceMap map, int start, int end, CancellationToken cancellationToken)
    {
        var lexer = new ShellLexer(map, start, end);
        lexer.Run(cancellationToken);
        return lexer;
    }

    public IReadOnlyList<ShellToken> Tokens => _tokens;

    private void Run(CancellationToken cancellationToken)
    {
        while (_position < _end)
        {
            if ((_position & 0xFF) == 0) cancellationToken.ThrowIfCancellationRequested();
            var c = _text[_position];
            if (c is ' ' or '\t' or '\r' or '\f' or '\v')
            {
                _position++;
            }
            else if (c == '\\' && Peek(1) == '\n')
            {
                _position += 2;
            }
            else if (c == '\n')
            {
                Add(ShellTokenKind.Newline, _position, _position + 1, "\n", false, false);
                _position++;
                SkipHeredocBodies();
            }
            else if (c == '#')
            {
                var start = _position;
                while (_position < _end && _text[_position] != '\n') _position++;
                Add(ShellTokenKind.Comment, start, _position, _text[start.._position], false, false);
            }
            else if (c == '(')
            {
                Add(ShellTokenKind.OpenParen, _position, _position + 1, "(", false, false);
                _position++;
            }
            else if (c == ')')
            {
                Add(ShellTokenKind.CloseParen, _position, _position + 1, ")", false, false);
                _position++;
            }
            else if (TryOperator(s_redirections, out var redirection) && !(redirection is "<" or ">" && Peek(1) == '('))
            {
                AddRedirection(_position, redirection);
            }
            else if (TryOperator(s_operators, out var op))
            {
                Add(ShellTokenKind.Operator, _position, _position + op.Length, op, false, false);
                _position += op.Length;
            }
            else if (char.IsAsciiDigit(c) && IsIoNumber(out var digitsEnd))
            {
                TryOperatorAt(digitsEnd, s_redirections, out var afterDigits);
                var start = _position;
                _position = digitsEnd;
                AddRedirection(start, afterDigits!);
            }
            else
            {
                ScanWord();
            }
        }
    }

    private void AddRedirection(int start, string op)
    {
        var end = _position + op.Length;
        Add(ShellTokenKind.Redirection, start, end, _text[start..end], false, false);
        _position = end;
        if (op is "<<" or "<<-")
        {
            _expectHeredocDelimiter = true;
            _stripTabs = op == "<<-";
        }
    }

    /// <summary>Digits directly followed by a redirection operator (<c>2&gt;&amp;1</c>) form an IO number.</summary>
    private bool IsIoNumber(out int digitsEnd)
    {
        digitsEnd = _position;
        while (digitsEnd < _end && char.IsAsciiDigit(_text[digitsEnd])) digitsEnd++;
        return digitsEnd < _end && _text[digitsEnd] is '<' or '>' && TryOperatorAt(digitsEnd, s_redirections, out _);
    }

    private bool TryOperator(string[] candidates, out string op) => TryOperatorAt(_position, candidates, out op!);

    private bool TryOperatorAt(int position, string[] candidates, out string? op)
    {
        foreach (var candidate in candidates)
        {
            if (position + candidate.Length <= _end && string.CompareOrdinal(_text, position, candidate, 0, candidate.Length) == 0)
            {
                op = candidate;
                return true;
            }
        }
        op = null;
        return false;
    }

    private char Peek(int offset) => _position + offset < _end ? _text[_position + offset] : '\0';

    private void ScanWord()
    {
        var start = _position;
        var value = _value.Clear();
        var quoted = false;
        var expansion = false;
        while (_position < _end)
        {
            var c = _text[_position];
            if (c is ' ' or '\t' or '\r' or '\n' or '\f' or '\v' or ';' or '&' or '|' or ')' or '(') break;
            if (c is '<' or '>')
            {
                if (Peek(1) != '(') break;
                // Process substitution <(...) / >(...): kept inside the word, its commands read like $( ).
                value.Append(c);
                _position++;
                ScanSubstitution(value);
                expansion = true;
                continue;
            }
            switch (c)
            {
                case '\\':
                    if (_position + 1 < _end)
                    {
                        if (_text[_position + 1] != '\n') value.Append(_text[_position + 1]);
                        _position += 2;
                        quoted = true;
                    }
                    else
                    {
                        _position++;
                    }
                    break;
                case '\'':
                {
                    quoted = true;
                    var close = _text.IndexOf('\'', _position + 1, _end - _position - 1);
                    var stop = close < 0 ? _end : close;
                    value.Append(_text, _position + 1, stop - _position - 1);
                    _position = close < 0 ? _end : close + 1;
                    break;
                }
                case '"':
                    quoted = true;
                    _position++;
                    expansion |= ScanDoubleQuoted(value);
                    break;
                case '$':
                    expansion |= ScanDollar(value);
                    break;
                case '`':
                    expansion = true;
                    ScanBackticks(value);
                    break;
                default:
                    value.Append(c);
                    _position++;
                    break;
            }
        }
        if (_position == start)
        {
            // Defensive: never loop without progress.
            _position++;
            return;
        }
        var text = _text[start.._position];
        // Most words are plain: then the value is the text itself and needs no second string.
        var tokenValue = value.Length == text.Length && !quoted && !expansion ? text : value.ToString();
        Add(ShellTokenKind.Word, start, _position, tokenValue, quoted, expansion, text);
        if (_expectHeredocDelimiter)
        {
            _expectHeredocDelimiter = false;
            _pendingHeredocs.Enqueue((tokenValue, _stripTabs));
        }
    }

    /// <summary>Scans after an opening double quote to its closing quote; returns whether an expansion occurred.</summary>
    private bool ScanDoubleQuoted(StringBuilder? value)
    {
        var expansion = false;
        while (_position < _end)
        {
            var c = _text[_position];
            if (c == '"')
            {
                _position++;
                return expansion;
            }
            if (c == '\\' && _position + 1 < _end && _text[_position + 1] is '$' or '`' or '"' or '\\' or '\n')
            {
                if (_text[_position + 1] != '\n') value?.Append(_text[_position + 1]);
                _position += 2;
            }
            else if (c == '$')
            {
                expansion |= ScanDollar(value);
            }
            else if (c == '`')
            {
                expansion = true;
                ScanBackticks(value);
            }
            else
            {
                value?.Append(c);
                _position++;
            }
        }
        return expansion;
    }

    /// <summary>At a '$': scans a parameter, arithmetic or command substitution and appends it as written.</summary>
    private bool ScanDollar(StringBuilder? value)
    {
        var start = _position;
        var next = Peek(1);
        if (next == '(')
        {
            _position++;
            if (Peek(1) == '(')
            {
                SkipBalanced('(', ')');
            }
            else
            {
                ScanSubstitution(null);
            }
        }
        else if (next == '{')
        {
            _position++;
            SkipBalanced('{', '}');
        }
        else if (char.IsAsciiLetterOrDigit(next) || next == '_')
        {
            _position++;
            while (_position < _end && (char.IsAsciiLetterOrDigit(_text[_position]) || _text[_position] == '_')) _position++;
        }
        else if (next is '@' or '*' or '#' or '?' or '-' or '$' or '!')
        {
            _position += 2;
        }
        else
        {
            value?.Append('$');
            _position++;
            return false;
        }
        value?.Append(_text, start, _position - start);
        return true;
    }

    /// <summary>At a '(' of <c>$(</c> or <c>&lt;(</c>: records the inner range as a substitution and moves past the ')'.</summary>
    private void ScanSubstitution(StringBuilder? value)
    {
        var open = _position;
        _substitutionNesting++;
        SkipBalanced('(', ')');
        _substitutionNesting--;
        var innerEnd = _position > open + 1 && _text[_position - 1] == ')' ? _position - 1 : _position;
        if (_substitutionNesting == 0) Substitutions.Add((open + 1, innerEnd));
        value?.Append(_text, open, _position - open);
    }

    private void ScanBackticks(StringBuilder? value)
    {
        var start = _position;
        _position++;
        while (_position < _end && _text[_position] != '`')
        {
            _position += _text[_position] == '\\' ? 2 : 1;
        }
        _position = Math.Min(_position, _end);
        if (_substitutionNesting == 0) Substitutions.Add((start + 1, _position));
        if (_position < _end) _position++;
        value?.Append(_text, start, _position - start);
    }

    /// <summary>At an opening bracket: moves past the matching close, skipping quoted text and escapes.</summary>
    private void SkipBalanced(char open, char close)
    {
        var depth = 0;
        while (_position < _end)
        {
            var c = _text[_position];
            if (c == '\\')
            {
                _position += 2;
                continue;
            }
            if (c == '\'' && open == '(')
            {
                var end = _text.IndexOf('\'', _position + 1, _end - _position - 1);
                _position = end < 0 ? _end : end + 1;
                continue;
            }
            if (c == '"')
            {
                // Skipping: nothing is collected (collecting every level's text was quadratic in the nesting), and past
                // MaxSubstitutionNesting the quoted text is skipped flat, so that the recursion (four frames a level) stays
                // far from the stack's end on a thread-pool thread.
                _position++;
                if (_substitutionNesting > MaxSubstitutionNesting) SkipDoubleQuotedFlat();
                else ScanDoubleQuoted(null);
                continue;
            }
            _position++;
            if (c == open) depth++;
            else if (c == close && --depth == 0) return;
        }
        _position = Math.Min(_position, _end);
    }

    /// <summary>After an opening double quote: moves past the closing one, honouring escapes only.</summary>
    private void SkipDoubleQuotedFlat()
    {
        while (_position < _end)
        {
            var c = _text[_position];
            _position += c == '\\' ? 2 : 1;
            if (c == '"') return;
        }
        _position = Math.Min(_position, _end);
    }

    /// <summary>After a newline, skips the bodies of heredocs opened on the line just ended.</summary>
    private void SkipHeredocBodies()
    {
        while (_pendingHeredocs.Count > 0)
        {
            var (delimiter, stripTabs) = _pendingHeredocs.Dequeue();
            while (_position < _end)
            {
                var lineEnd = _text.IndexOf('\n', _position, _end - _position);
                var stop = lineEnd < 0 ? _end : lineEnd;
                var line = _text[_position..stop];
                _position = lineEnd < 0 ? _end : lineEnd + 1;
                if ((stripTabs ? line.TrimStart('\t') : line).TrimEnd('\r') == delimiter) break;
            }
        }
    }

    private void Add(ShellTokenKind kind, int start, int end, string value, bool quoted, bool expansion, string? text = null) =>
        _tokens.Add(new ShellToken(kind, text ?? _text[start..end], value, start, end, _map.ToDocumentSpan(start, end), quoted, expansion));
}
