using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace DockerLsp.Registry;

/// <summary>
/// Parses <c>WWW-Authenticate</c> values by the RFC 9110 grammar: <c>1#challenge</c>, where
/// <c>challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]</c> and <c>auth-param = token BWS "=" BWS ( token / quoted-string )</c>.
/// Several challenges may share one header, separated by commas; a comma followed by <c>name=</c> continues the current
/// challenge, anything else starts a new one. Quoted strings honour backslash escapes. Malformed input yields an
/// error message pointing at the offending position instead of a guess.
/// </summary>
internal static class AuthChallengeParser
{
    public static bool TryParse(
        IEnumerable<string> headerValues,
        [NotNullWhen(true)] out IReadOnlyList<AuthChallenge>? challenges,
        [NotNullWhen(false)] out string? error)
    {
        var all = new List<AuthChallenge>();
        foreach (var value in headerValues)
        {
            if (!TryParse(value, out var some, out error))
            {
                challenges = null;
                return false;
            }

            all.AddRange(some);
        }

        if (all.Count == 0)
        {
            challenges = null;
            error = "the WWW-Authenticate header is missing or empty";
            return false;
        }

        challenges = all;
        error = null;
        return true;
    }

    public static bool TryParse(
        string headerValue,
        [NotNullWhen(true)] out IReadOnlyList<AuthChallenge>? challenges,
        [NotNullWhen(false)] out string? error)
    {
        var scanner = new Scanner(headerValue);
        var list = new List<AuthChallenge>();
        while (true)
        {
            scanner.SkipListSeparators();
            if (scanner.AtEnd)
            {
                break;
            }

            if (!scanner.TryReadChallenge(out var challenge, out error))
            {
                challenges = null;
                error = $"malformed WWW-Authenticate header: {error} (at character {scanner.Position + 1} of '{Shorten(headerValue)}')";
                return false;
            }

            list.Add(challenge);
        }

        if (list.Count == 0)
        {
            challenges = null;
            error = "the WWW-Authenticate header is empty";
            return false;
        }

        challenges = list;
        error = null;
        return true;
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : text[..200] + "…";

    /// <summary>A cursor over one header value; every method leaves the position after what it consumed.</summary>
    private ref struct Scanner
    {
        private readonly string _text;
        private int _position;

        public Scanner(string text) => _text = text;

        public readonly int Position => _position;

        public readonly bool AtEnd => _position >= _text.Length;

        private readonly char Peek => _position < _text.Length ? _text[_position] : '\0';

        public void SkipListSeparators()
        {
            while (!AtEnd && (Peek == ',' || IsWhitespace(Peek)))
            {
                _position++;
            }
        }

        public bool TryReadChallenge([NotNullWhen(true)] out AuthChallenge? challenge, [NotNullWhen(false)] out string? error)
        {
            challenge = null;
            var scheme = ReadToken();
            if (scheme.Length == 0)
            {
                error = $"expected an authentication scheme, found '{Peek}'";
                return false;
            }

            var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var sawSpace = SkipWhitespace();
            if (AtEnd || Peek == ',')
            {
                challenge = new AuthChallenge(scheme, parameters);
                error = null;
                return true;
            }

            if (!sawSpace)
            {
                error = $"expected a space after the scheme '{scheme}'";
                return false;
            }

            var start = _position;
            var name = ReadToken();
            SkipWhitespace();
            if (name.Length == 0 || Peek != '=' || IsToken68Tail())
            {
                _position = start;
                return TryReadToken68(scheme, out challenge, out error);
            }

            while (true)
            {
                _position++; // '='
                SkipWhitespace();
                if (!TryReadValue(name, out var value, out error))
                {
                    return false;
                }

                if (!parameters.TryAdd(name, value))
                {
                    error = $"parameter '{name}' appears twice in the {scheme} challenge";
                    return false;
                }

                SkipWhitespace();
                if (AtEnd)
                {
                    break;
                }

                if (Peek != ',')
                {
                    error = $"expected ',' after parameter '{name}', found '{Peek}'";
                    return false;
                }

                // After a comma: "name=" continues this challenge, anything else begins the next challenge.
                var beforeComma = _position;
                SkipListSeparators();
                if (AtEnd)
                {
                    break;
                }

                var nextName = ReadToken();
                SkipWhitespace();
                if (nextName.Length > 0 && Peek == '=' && !IsToken68Tail())
                {
                    name = nextName;
                    continue;
                }

                _position = beforeComma;
                break;
            }

            challenge = new AuthChallenge(scheme, parameters);
            error = null;
            return true;
        }

        // At '=': a run of '=' that ends the element (end, ',' or whitespace) is token68 padding, not "name=value".
        private readonly bool IsToken68Tail()
        {
            var i = _position;
            while (i < _text.Length && _text[i] == '=')
            {
                i++;
            }

            while (i < _text.Length && IsWhitespace(_text[i]))
            {
                i++;
            }

            return i >= _text.Length || _text[i] == ',';
        }

        private bool TryReadToken68(string scheme, [NotNullWhen(true)] out AuthChallenge? challenge, [NotNullWhen(false)] out string? error)
        {
            challenge = null;
            var start = _position;
            while (!AtEnd && (char.IsAsciiLetterOrDigit(Peek) || Peek is '-' or '.' or '_' or '~' or '+' or '/'))
            {
                _position++;
            }

            while (!AtEnd && Peek == '=')
            {
                _position++;
            }

            var token68 = _text[start.._position];
            SkipWhitespace();
            if (token68.Length == 0 || (!AtEnd && Peek != ','))
            {
                error = $"expected 'name=value' parameters or a token68 after '{scheme}', found '{Peek}'";
                return false;
            }

            challenge = new AuthChallenge(scheme, new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase), token68);
            error = null;
            return true;
        }

        private bool TryReadValue(string name, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out string? error)
        {
            if (Peek != '"')
            {
                value = ReadToken();
                error = value.Length == 0 ? $"parameter '{name}' has no value" : null;
                return value.Length > 0;
            }

            _position++; // opening quote
            var builder = new StringBuilder();
            while (!AtEnd)
            {
                var c = _text[_position++];
                switch (c)
                {
                    case '"':
                        value = builder.ToString();
                        error = null;
                        return true;
                    case '\\' when !AtEnd:
                        builder.Append(_text[_position++]); // quoted-pair: the next character stands for itself
                        break;
                    case '\r' or '\n' or '\0':
                        value = null;
                        error = $"control character inside the quoted value of '{name}'";
                        return false;
                    default:
                        builder.Append(c);
                        break;
                }
            }

            value = null;
            error = $"the quoted value of '{name}' is not terminated";
            return false;
        }

        private string ReadToken()
        {
            var start = _position;
            while (!AtEnd && IsTokenChar(Peek))
            {
                _position++;
            }

            return _text[start.._position];
        }

        private bool SkipWhitespace()
        {
            var start = _position;
            while (!AtEnd && IsWhitespace(Peek))
            {
                _position++;
            }

            return _position > start;
        }

        private static bool IsWhitespace(char c) => c is ' ' or '\t';

        // RFC 9110 tchar
        private static bool IsTokenChar(char c) =>
            char.IsAsciiLetterOrDigit(c) || c is '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';
    }
}
