using System.Globalization;
using System.Text;

namespace DockerLsp.Syntax.Parsing;

/// <summary>
/// Validates a JSON value the way Go's encoding/json does (strict RFC 8259: no comments, no trailing commas, no raw
/// control characters in strings) and, for a top-level array, yields bracket, comma and string tokens with their
/// logical spans and decoded values.
/// Written by hand because we need each element's source span in our logical-line coordinates, which no JSON library
/// reports; System.Text.Json would validate but not map positions through line continuations.
/// </summary>
internal static class JsonArrayScanner
{
    /// <summary>The outcome: whether the text is one valid JSON value, whether the array holds only strings, and the tokens.</summary>
    internal sealed record Result(bool IsValidJson, bool AllStrings, List<TokenSpec> Tokens);

    private const int MaxDepth = 10000;

    public static Result Scan(string text, int start, int end, SpecPool pool)
    {
        var tokens = new List<TokenSpec>();
        var scanner = new Cursor(text, start, end);
        var allStrings = true;
        scanner.SkipWhitespace();
        if (!scanner.TryConsume('[')) return new Result(false, false, tokens);
        tokens.Add(pool.Token(SyntaxKind.OpenBracketToken, scanner.Position - 1, scanner.Position));
        scanner.SkipWhitespace();
        if (scanner.TryConsume(']'))
        {
            tokens.Add(pool.Token(SyntaxKind.CloseBracketToken, scanner.Position - 1, scanner.Position));
        }
        else
        {
            while (true)
            {
                scanner.SkipWhitespace();
                var elementStart = scanner.Position;
                if (scanner.Peek() == '"')
                {
                    if (!scanner.TryReadString(out var value)) return new Result(false, false, tokens);
                    tokens.Add(pool.Token(SyntaxKind.StringLiteralToken, elementStart, scanner.Position, value));
                }
                else
                {
                    if (!scanner.TrySkipValue(1)) return new Result(false, false, tokens);
                    allStrings = false;
                }
                scanner.SkipWhitespace();
                if (scanner.TryConsume(','))
                {
                    tokens.Add(pool.Token(SyntaxKind.CommaToken, scanner.Position - 1, scanner.Position));
                    continue;
                }
                if (scanner.TryConsume(']'))
                {
                    tokens.Add(pool.Token(SyntaxKind.CloseBracketToken, scanner.Position - 1, scanner.Position));
                    break;
                }
                return new Result(false, false, tokens);
            }
        }
        scanner.SkipWhitespace();
        return new Result(scanner.AtEnd, allStrings, tokens);
    }

    /// <summary>A forward-only reader over [start, end) of a string.</summary>
    private struct Cursor(string text, int start, int end)
    {
        public int Position = start;
        public readonly bool AtEnd => Position >= end;
        public readonly char Peek() => Position < end ? text[Position] : '\0';

        public void SkipWhitespace()
        {
            while (Position < end && text[Position] is ' ' or '\t' or '\n' or '\r') Position++;
        }

        public bool TryConsume(char c)
        {
            if (Position < end && text[Position] == c)
            {
                Position++;
                return true;
            }
            return false;
        }

        public bool TryReadString(out string value)
        {
            value = string.Empty;
            if (!TryConsume('"')) return false;
            // Fast path: most strings have no escape, so the value is the text between the quotes (no builder).
            var contentStart = Position;
            var scan = contentStart;
            while (scan < end && text[scan] != '"' && text[scan] != '\\' && text[scan] >= 0x20) scan++;
            if (scan < end && text[scan] == '"')
            {
                value = text.Substring(contentStart, scan - contentStart);
                Position = scan + 1;
                return true;
            }
            var builder = new StringBuilder();
            while (Position < end)
            {
                var c = text[Position++];
                if (c == '"')
                {
                    value = builder.ToString();
                    return true;
                }
                if (c < 0x20) return false;
                if (c != '\\')
                {
                    builder.Append(c);
                    continue;
                }
                if (Position >= end) return false;
                var e = text[Position++];
                switch (e)
                {
                    case '"': builder.Append('"'); break;
                    case '\\': builder.Append('\\'); break;
                    case '/': builder.Append('/'); break;
                    case 'b': builder.Append('\b'); break;
                    case 'f': builder.Append('\f'); break;
                    case 'n': builder.Append('\n'); break;
                    case 'r': builder.Append('\r'); break;
                    case 't': builder.Append('\t'); break;
                    case 'u':
                        if (Position + 4 > end || !int.TryParse(text.AsSpan(Position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)) return false;
                        Position += 4;
                        builder.Append((char)code);
                        break;
                    default:
                        return false;
                }
            }
            return false;
        }

        public bool TrySkipValue(int depth)
        {
            if (depth > MaxDepth) return false;
            SkipWhitespace();
            var c = Peek();
            switch (c)
            {
                case '"':
                    return TryReadString(out _);
                case '[':
                    Position++;
                    SkipWhitespace();
                    if (TryConsume(']')) return true;
                    while (true)
                    {
                        if (!TrySkipValue(depth + 1)) return false;
                        SkipWhitespace();
                        if (TryConsume(']')) return true;
                        if (!TryConsume(',')) return false;
                    }
                case '{':
                    Position++;
                    SkipWhitespace();
                    if (TryConsume('}')) return true;
                    while (true)
                    {
                        SkipWhitespace();
                        if (!TryReadString(out _)) return false;
                        SkipWhitespace();
                        if (!TryConsume(':')) return false;
                        if (!TrySkipValue(depth + 1)) return false;
                        SkipWhitespace();
                        if (TryConsume('}')) return true;
                        if (!TryConsume(',')) return false;
                    }
                case 't': return TryLiteral("true");
                case 'f': return TryLiteral("false");
                case 'n': return TryLiteral("null");
                default:
                    return TrySkipNumber();
            }
        }

        private bool TryLiteral(string literal)
        {
            if (end - Position < literal.Length || string.CompareOrdinal(text, Position, literal, 0, literal.Length) != 0) return false;
            Position += literal.Length;
            return true;
        }

        private bool TrySkipNumber()
        {
            TryConsume('-');
            if (TryConsume('0')) { }
            else if (Peek() is >= '1' and <= '9') SkipDigits();
            else return false;
            if (TryConsume('.'))
            {
                if (!char.IsAsciiDigit(Peek())) return false;
                SkipDigits();
            }
            if (Peek() is 'e' or 'E')
            {
                Position++;
                if (Peek() is '+' or '-') Position++;
                if (!char.IsAsciiDigit(Peek())) return false;
                SkipDigits();
            }
            return true;
        }

        private void SkipDigits()
        {
            while (Position < end && char.IsAsciiDigit(text[Position])) Position++;
        }
    }
}
