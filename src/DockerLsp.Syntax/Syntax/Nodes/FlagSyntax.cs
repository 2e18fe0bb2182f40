using System.Text;
using DockerLsp.Syntax.Green;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Syntax;

/// <summary>
/// A flag word before an instruction's arguments (<c>--from=build</c>, <c>--mount=type=cache,target=/x</c>, <c>--link</c>).
/// <see cref="Name"/> has no dashes; <see cref="Value"/> is processed as BuildKit processes flags (quotes removed,
/// escapes applied) or null when there is no <c>=</c>. Mount-like values are exposed as comma-separated options.
/// </summary>
public sealed class FlagSyntax : SyntaxNode
{
    internal FlagSyntax(GreenNode green, SyntaxNode? parent, int position) : base(green, parent, position) { }

    public SyntaxToken Token => ChildTokens().FirstOrDefault();

    /// <summary>The whole flag word as BuildKit stores it (e.g. <c>--label=a b</c> for <c>--label="a b"</c>).</summary>
    public string BuildKitText => FlagText.Process(Token.ValueText, EscapeCharacter);

    public string Name
    {
        get
        {
            var text = BuildKitText;
            var equals = text.IndexOf('=');
            return (equals >= 0 ? text[..equals] : text).TrimStart('-');
        }
    }

    public string? Value
    {
        get
        {
            var text = BuildKitText;
            var equals = text.IndexOf('=');
            return equals >= 0 ? text[(equals + 1)..] : null;
        }
    }

    /// <summary>Span of the name (after the dashes) in the source.</summary>
    public TextSpan NameSpan
    {
        get
        {
            var raw = Token.Text;
            var start = raw.StartsWith("--", StringComparison.Ordinal) ? 2 : 0;
            var equals = raw.IndexOf('=');
            var end = equals >= 0 ? equals : raw.Length;
            return new TextSpan(Token.Span.Start + start, Math.Max(0, end - start));
        }
    }

    /// <summary>Span of the raw value (after '=') in the source; empty at the end when there is no value.</summary>
    public TextSpan ValueSpan
    {
        get
        {
            var raw = Token.Text;
            var equals = raw.IndexOf('=');
            return equals >= 0 ? TextSpan.FromBounds(Token.Span.Start + equals + 1, Token.Span.End) : new TextSpan(Token.Span.End, 0);
        }
    }

    /// <summary>
    /// The comma-separated <c>key=value</c> options of a value such as <c>--mount</c>'s, with absolute spans.
    /// Double-quoted fields (CSV style, as BuildKit reads mounts) may contain commas.
    /// </summary>
    public IReadOnlyList<FlagOption> GetOptions()
    {
        var raw = Token.Text;
        var equals = raw.IndexOf('=');
        if (equals < 0) return [];
        var options = new List<FlagOption>();
        var baseOffset = Token.Span.Start;
        var i = equals + 1;
        while (i <= raw.Length)
        {
            var fieldStart = i;
            var inQuotes = false;
            while (i < raw.Length && (inQuotes || raw[i] != ','))
            {
                if (raw[i] == '"') inQuotes = !inQuotes;
                i++;
            }
            var field = raw[fieldStart..i];
            var eq = field.IndexOf('=');
            var key = (eq >= 0 ? field[..eq] : field).Trim();
            string? value = eq >= 0 ? Unquote(field[(eq + 1)..]) : null;
            options.Add(new FlagOption(
                key,
                value,
                new TextSpan(baseOffset + fieldStart, eq >= 0 ? eq : field.Length),
                eq >= 0 ? new TextSpan(baseOffset + fieldStart + eq + 1, field.Length - eq - 1) : new TextSpan(baseOffset + i, 0)));
            i++;
        }
        return options;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && value[0] == '"' && value[^1] == '"' ? value[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal) : value;

    private char EscapeCharacter => SyntaxTree?.EscapeCharacter ?? '\\';
}

/// <summary>One <c>key=value</c> option inside a flag value (a <c>--mount</c> option, for example).</summary>
public readonly record struct FlagOption(string Key, string? Value, TextSpan KeySpan, TextSpan ValueSpan);

/// <summary>BuildKit's processing of a flag word: quotes removed, the escape character drops and keeps the next character.</summary>
internal static class FlagText
{
    public static string Process(string word, char escape)
    {
        var builder = new StringBuilder(word.Length);
        var quote = '\0';
        for (var i = 0; i < word.Length; i++)
        {
            var c = word[i];
            if (quote == '\0' && (c == '\'' || c == '"'))
            {
                quote = c;
                continue;
            }
            if (quote != '\0' && c == quote)
            {
                quote = '\0';
                continue;
            }
            if (c == escape)
            {
                if (i + 1 == word.Length) continue;
                i++;
                c = word[i];
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
