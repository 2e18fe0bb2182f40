using DockerLsp.Features.Hover.Docs;
using DockerLsp.Syntax;

namespace DockerLsp.Features.Hover;

/// <summary>Hover on instruction keywords and parser directives.</summary>
public sealed partial class HoverService
{
    private static HoverInfo? KeywordHover(InstructionSyntax instruction, SyntaxToken keyword, HoverFormat format)
    {
        if (!InstructionDocs.All.TryGetValue(keyword.ValueText, out var doc)) return null;
        var text = new HoverText(format)
            .Title(doc.Keyword)
            .Paragraph(doc.Summary)
            .List("Forms", doc.Forms.Select(f => $"`{f}`"))
            .List("Flags", doc.Flags.Select(name => FlagDocs.Find(doc.Keyword, name.TrimStart('-')) is { } flag ? $"`{flag.Syntax}`: {flag.Summary}" : $"`{name}`"))
            .Code(doc.Example)
            .Paragraph(doc.Advice)
            .Link($"Dockerfile reference: {doc.Keyword}", DockerfileReference.Link(doc.Anchor));
        return new HoverInfo(keyword.Span, text.ToString());
    }

    private static HoverInfo? DirectiveHover(ParserDirectiveSyntax directive, int position, HoverFormat format)
    {
        if (!DirectiveDocs.All.TryGetValue(directive.Name, out var doc)) return null;
        if (directive.Name == "check" && directive.ValueToken.Span.Contains(position) && CheckNameAt(directive, position) is { } rule)
        {
            return new HoverInfo(rule.Span, new HoverText(format)
                .Title(rule.Name)
                .Paragraph(DirectiveDocs.BuildKitChecks.GetValueOrDefault(rule.Name, "Not a BuildKit check name known to DockerLsp."))
                .Link("BuildKit build checks", "https://docs.docker.com/reference/build-checks/")
                .ToString());
        }
        var text = new HoverText(format)
            .Title(doc.Syntax)
            .Paragraph(doc.Summary);
        if (directive.Name == "check") text.List("Check names", DirectiveDocs.BuildKitChecks.Keys.Order(StringComparer.Ordinal).Select(k => $"`{k}`"));
        text.Code(doc.Example ?? string.Empty).Link("Dockerfile reference: parser directives", DockerfileReference.Link(doc.Anchor));
        return new HoverInfo(directive.Span, text.ToString());
    }

    /// <summary>The rule name under the cursor in a <c>check</c> directive's value (names are separated by <c>,</c> <c>;</c> and <c>=</c>).</summary>
    private static (string Name, Syntax.Text.TextSpan Span)? CheckNameAt(ParserDirectiveSyntax directive, int position)
    {
        var value = directive.ValueToken.Text;
        var offset = position - directive.ValueToken.Span.Start;
        static bool IsSeparator(char c) => c is ',' or ';' or '=' or ' ';
        if (offset < 0 || offset >= value.Length || IsSeparator(value[offset])) return null;
        var start = offset;
        while (start > 0 && !IsSeparator(value[start - 1])) start--;
        var end = offset;
        while (end < value.Length && !IsSeparator(value[end])) end++;
        var name = value[start..end];
        return name is "skip" or "error" or "experimental" or "all" or "true" or "false"
            ? null
            : (name, new Syntax.Text.TextSpan(directive.ValueToken.Span.Start + start, end - start));
    }
}
