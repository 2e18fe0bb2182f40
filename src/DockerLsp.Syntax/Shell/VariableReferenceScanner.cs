namespace DockerLsp.Syntax.Shell;

/// <summary>
/// Finds variable references without expanding anything, for hover, rename and undefined-variable checks.
/// It follows the expander's lexical rules (no references inside <c>'…'</c>, an escaped <c>$</c> is text,
/// <c>${x:-…}</c> words may hold nested references and quotes) but never fails: on malformed text it reports
/// what it can. An unclosed <c>${name…</c> is reported with a span running to the end of the text; forms with no
/// name (<c>${}</c>, <c>${:-x}</c>) are skipped; an unknown operator gives <see cref="VariableModifier.Unsupported"/>.
/// Results are ordered by start offset.
/// </summary>
public static class VariableReferenceScanner
{
    /// <summary>Finds every reference in <paramref name="text"/>, nested ones included.</summary>
    public static IReadOnlyList<VariableReference> Find(string text, char escapeToken = '\\')
    {
        if (string.IsNullOrEmpty(text) || !text.Contains('$', StringComparison.Ordinal))
        {
            return [];
        }

        var scanner = new Scanner(text, escapeToken);
        scanner.ScanWord(stopChar: -1, depth: 0);
        scanner.References.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        return scanner.References;
    }

    /// <summary>A forgiving cursor over one text; every method leaves the cursor past what it consumed.</summary>
    private sealed class Scanner(string text, char escape)
    {
        /// <summary>Deeper nesting is scanned as plain text: no stack overflow on hostile input.</summary>
        private const int MaxDepth = 200;

        private int _pos;

        public List<VariableReference> References { get; } = [];

        /// <summary>Scans to <paramref name="stopChar"/> (consumed) or the end; true when the stop was found.</summary>
        public bool ScanWord(int stopChar, int depth)
        {
            while (_pos < text.Length)
            {
                char c = text[_pos];
                if (c == stopChar)
                {
                    _pos++;
                    return true;
                }

                if (c == '$')
                {
                    ScanDollar(depth);
                }
                else if (c == '\'')
                {
                    int close = text.IndexOf('\'', _pos + 1);
                    _pos = close < 0 ? text.Length : close + 1;
                }
                else if (c == '"')
                {
                    ScanDoubleQuoted(depth);
                }
                else
                {
                    _pos += c == escape ? 2 : 1;
                }
            }

            _pos = Math.Min(_pos, text.Length);
            return false;
        }

        private void ScanDoubleQuoted(int depth)
        {
            _pos++;
            while (_pos < text.Length)
            {
                char c = text[_pos];
                if (c == '"')
                {
                    _pos++;
                    return;
                }

                if (c == '$')
                {
                    ScanDollar(depth);
                }
                else if (c == escape && _pos + 1 < text.Length && (text[_pos + 1] is '"' or '$' || text[_pos + 1] == escape))
                {
                    _pos += 2;
                }
                else
                {
                    _pos++;
                }
            }
        }

        private void ScanDollar(int depth)
        {
            int start = _pos;
            _pos++;
            if (_pos >= text.Length || text[_pos] != '{')
            {
                int nameEnd = ShellRunes.ScanName(text, _pos);
                if (nameEnd > _pos)
                {
                    int nameStart = _pos;
                    _pos = nameEnd;
                    Add(start, nameStart, nameEnd, VariableModifier.None, braced: false);
                }

                return;
            }

            _pos++;
            if (_pos >= text.Length || text[_pos] is '{' or '}' or ':')
            {
                // "${" with no name: BuildKit rejects it; scanning simply goes on after it.
                return;
            }

            int braceNameStart = _pos;
            int braceNameEnd = ShellRunes.ScanName(text, _pos);
            _pos = braceNameEnd;
            if (braceNameEnd == braceNameStart || _pos >= text.Length)
            {
                if (braceNameEnd > braceNameStart)
                {
                    Add(start, braceNameStart, braceNameEnd, VariableModifier.None, braced: true);
                }

                return;
            }

            var modifier = ScanOperatorAndWords(depth);
            Add(start, braceNameStart, braceNameEnd, modifier, braced: true);
        }

        /// <summary>The cursor is just past the name; consumes the operator and its words through the closing brace.</summary>
        private VariableModifier ScanOperatorAndWords(int depth)
        {
            char op = text[_pos];
            _pos++;
            if (op == '}')
            {
                return VariableModifier.None;
            }

            bool colon = op == ':';
            if (colon && _pos < text.Length)
            {
                op = text[_pos];
                _pos++;
            }

            var modifier = op switch
            {
                '-' => colon ? VariableModifier.DefaultIfUnsetOrEmpty : VariableModifier.DefaultIfUnset,
                '+' => colon ? VariableModifier.AlternativeIfSetAndNotEmpty : VariableModifier.AlternativeIfSet,
                '?' => colon ? VariableModifier.ErrorIfUnsetOrEmpty : VariableModifier.ErrorIfUnset,
                '#' => _pos < text.Length && text[_pos] == '#' ? VariableModifier.RemoveLongestPrefix : VariableModifier.RemoveShortestPrefix,
                '%' => _pos < text.Length && text[_pos] == '%' ? VariableModifier.RemoveLongestSuffix : VariableModifier.RemoveShortestSuffix,
                '/' when !colon => _pos < text.Length && text[_pos] == '/' ? VariableModifier.ReplaceAll : VariableModifier.ReplaceFirst,
                _ => VariableModifier.Unsupported,
            };

            if (depth >= MaxDepth)
            {
                // Too deep to recurse: skip to the end so nothing nested is misread as top level.
                _pos = text.Length;
                return modifier;
            }

            if (modifier is VariableModifier.ReplaceFirst or VariableModifier.ReplaceAll)
            {
                if (modifier == VariableModifier.ReplaceAll)
                {
                    _pos++;
                }

                if (ScanWord('/', depth + 1))
                {
                    ScanWord('}', depth + 1);
                }
            }
            else
            {
                ScanWord('}', depth + 1);
            }

            return modifier;
        }

        private void Add(int start, int nameStart, int nameEnd, VariableModifier modifier, bool braced) =>
            References.Add(new VariableReference(
                text[nameStart..nameEnd], start, _pos - start, nameStart, nameEnd - nameStart, modifier, braced));
    }
}
