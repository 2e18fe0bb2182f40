using System.Text;
using DockerLsp.Syntax.Diagnostics;

namespace DockerLsp.Syntax.Parsing;

internal sealed partial class InstructionParser
{
    /// <summary>
    /// Takes flag words off the front (BuildKit's extractBuilderFlags): a word is a flag only if it starts with
    /// <c>--</c>; quotes group, the escape character keeps the next character; a bare <c>--</c> ends flags and is
    /// dropped by BuildKit (kept here as a terminator token). Returns where the arguments start.
    /// </summary>
    private int ParseFlags(NodeSpec node, int position, int end)
    {
        // Created on the first flag only: most instructions have none, and this runs for every instruction that may.
        StringBuilder? processed = null;
        while (true)
        {
            position = PhysicalLines.SkipSpaces(_text, position, end);
            if (position >= end) return end;
            if (_text[position] != '-' || position + 1 >= end || _text[position + 1] != '-') return position;

            var wordStart = position;
            processed ??= new StringBuilder();
            processed.Clear();
            var quote = '\0';
            while (position < end)
            {
                var c = _text[position];
                if (quote == '\0')
                {
                    // Printable ASCII other than the space is never whitespace; test it first, it is almost every character.
                    if ((c <= ' ' || c >= '\x7f') && PhysicalLines.IsSpace(c)) break;
                    if (c is '\'' or '"')
                    {
                        quote = c;
                        position++;
                        continue;
                    }
                }
                else if (c == quote)
                {
                    quote = '\0';
                    position++;
                    continue;
                }
                if (c == _escape)
                {
                    if (position + 1 >= end)
                    {
                        position++;
                        quote = '\0';
                        continue;
                    }
                    position++;
                    c = _text[position];
                }
                processed.Append(c);
                position++;
            }

            if (processed.Length == 2 && processed[0] == '-' && processed[1] == '-')
            {
                node.Add(_pool.Token(SyntaxKind.FlagTerminatorToken, wordStart, position));
                return PhysicalLines.SkipSpaces(_text, position, end);
            }

            var flag = _pool.Node(SyntaxKind.Flag).Add(_pool.Token(SyntaxKind.FlagToken, wordStart, position));
            node.Add(flag);
            if (processed.Length <= 2 || processed[2] == '=')
            {
                Report(SyntaxDiagnosticIds.MalformedFlag, "A flag needs a name after '--'.", wordStart, position);
            }
        }
    }

    /// <summary>
    /// Splits [start, end) into word tokens. With <paramref name="splitOnUnicodeSpace"/> false the separators are
    /// BuildKit's <c>[\t\v\f\r ]</c> and quotes mean nothing (FROM, EXPOSE, COPY/ADD/VOLUME word form).
    /// Returns false when there is no word.
    /// </summary>
    private bool AddWords(NodeSpec node, int start, int end, bool splitOnUnicodeSpace, SyntaxKind listKind = SyntaxKind.ArgumentList)
    {
        var list = _pool.Node(listKind);
        var position = start;
        while (position < end)
        {
            while (position < end && IsSeparator(_text[position], splitOnUnicodeSpace)) position++;
            if (position >= end) break;
            var wordStart = position;
            while (position < end && !IsSeparator(_text[position], splitOnUnicodeSpace)) position++;
            list.Add(_pool.Token(SyntaxKind.WordToken, wordStart, position));
        }
        if (list.Children.Count == 0) return false;
        node.Add(list);
        return true;
    }

    /// <summary>Printable ASCII except the space, the quotes and both escape characters: never special in an unquoted word.</summary>
    private static readonly System.Buffers.SearchValues<char> s_plainWordCharacters = System.Buffers.SearchValues.Create(
        "!#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_abcdefghijklmnopqrstuvwxyz{|}~");

    private static bool IsSeparator(char c, bool unicode) => unicode ? PhysicalLines.IsSpace(c) : PhysicalLines.IsSplitSpace(c);

    /// <summary>
    /// BuildKit's quote-aware word splitter (parseWords) used by ARG, ENV and LABEL and, here, for shell-form words:
    /// whitespace separates words; quotes group and are kept; the escape character keeps itself and the next character.
    /// </summary>
    internal List<(int Start, int End)> SplitQuotedWords(int start, int end)
    {
        // One reusable buffer: callers consume the words before splitting again.
        var words = _words;
        words.Clear();
        var position = start;
        while (position < end)
        {
            while (position < end && PhysicalLines.IsSpace(_text[position])) position++;
            if (position >= end) break;
            var wordStart = position;
            var quote = '\0';
            while (position < end)
            {
                if (quote == '\0')
                {
                    // Outside quotes only whitespace, quotes and the escape character matter; skip everything else
                    // (printable ASCII, almost every character) in one vectorized search.
                    var plain = _text.AsSpan(position, end - position).IndexOfAnyExcept(s_plainWordCharacters);
                    if (plain < 0)
                    {
                        position = end;
                        break;
                    }
                    position += plain;
                }
                var c = _text[position];
                if (quote == '\0')
                {
                    if (PhysicalLines.IsSpace(c)) break;
                    if (c is '\'' or '"') quote = c;
                    else if (c == _escape && position + 1 < end) position++;
                }
                else if (c == quote)
                {
                    quote = '\0';
                }
                else if (c == _escape && quote != '\'' && position + 1 < end)
                {
                    position++;
                }
                position++;
            }
            words.Add((wordStart, position));
        }
        return words;
    }
}
