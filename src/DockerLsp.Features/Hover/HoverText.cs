using System.Text;

namespace DockerLsp.Features.Hover;

/// <summary>The format the editor wants hover text in.</summary>
public enum HoverFormat
{
    Markdown,
    PlainText,
}

/// <summary>
/// Builds one hover text as either Markdown or plain text from the same calls, so that every hover exists in both forms.
/// In plain text, code spans lose their backticks, code blocks are indented and links are written as "text: url".
/// </summary>
internal sealed class HoverText(HoverFormat format)
{
    private readonly StringBuilder _text = new();

    public HoverText Title(string code)
    {
        Separate();
        _text.Append(format == HoverFormat.Markdown ? $"```dockerfile\n{code}\n```" : code);
        return this;
    }

    public HoverText Paragraph(string markdown)
    {
        Separate();
        _text.Append(format == HoverFormat.Markdown ? markdown : Plain(markdown));
        return this;
    }

    public HoverText Code(string code)
    {
        Separate();
        if (format == HoverFormat.Markdown) _text.Append("```dockerfile\n").Append(code).Append("\n```");
        else _text.Append(string.Join('\n', code.Split('\n').Select(line => "    " + line)));
        return this;
    }

    public HoverText List(string heading, IEnumerable<string> items)
    {
        var list = items.ToArray();
        if (list.Length == 0) return this;
        Separate();
        _text.Append(format == HoverFormat.Markdown ? $"**{heading}**" : heading + ":");
        foreach (var item in list) _text.Append('\n').Append("- ").Append(format == HoverFormat.Markdown ? item : Plain(item));
        return this;
    }

    public HoverText Link(string text, string url)
    {
        Separate();
        _text.Append(format == HoverFormat.Markdown ? $"[{text}]({url})" : $"{text}: {url}");
        return this;
    }

    public override string ToString() => _text.ToString();

    private void Separate()
    {
        if (_text.Length > 0) _text.Append("\n\n");
    }

    private static string Plain(string markdown) => markdown.Replace("`", string.Empty, StringComparison.Ordinal).Replace("**", string.Empty, StringComparison.Ordinal);
}
