using DockerLsp.Features.Hover.Docs;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.Hover;

/// <summary>Hover on flags: the flag itself, <c>--mount</c> types and options, and stage references in flag values.</summary>
public sealed partial class HoverService
{
    private HoverInfo? FlagHover(HoverContext context, InstructionSyntax instruction, FlagSyntax flag)
    {
        var position = context.Position;
        var keyword = instruction.KeywordText;
        if (flag.Name == "mount" && flag.ValueSpan.Contains(position))
        {
            return MountOptionHover(context, flag);
        }
        if (flag.Name == "from" && instruction is CopyInstructionSyntax && flag.ValueSpan.Contains(position) && flag.Value is { } source)
        {
            return StageReferenceHover(context, source, flag.ValueSpan);
        }
        if (flag.ValueSpan.Contains(position) && VariableHover(context, flag.Token) is { } variable) return variable;
        var doc = FlagDocs.Find(keyword, flag.Name);
        if (doc is null) return null;
        var text = new HoverText(context.Format).Title(doc.Syntax).Paragraph(doc.Summary);
        if (flag.Name == "mount") text.List("Mount types", FlagDocs.MountTypes.Values.Select(t => $"`{t.Syntax}`: {t.Summary}"));
        if (doc.Example is not null) text.Code(doc.Example);
        text.Link($"Dockerfile reference: {keyword} --{doc.Name}", DockerfileReference.Link(doc.Anchor));
        return new HoverInfo(flag.Token.Span, text.ToString());
    }

    private HoverInfo? MountOptionHover(HoverContext context, FlagSyntax flag)
    {
        var position = context.Position;
        foreach (var option in flag.GetOptions())
        {
            var field = TextSpan.FromBounds(option.KeySpan.Start, Math.Max(option.KeySpan.End, option.ValueSpan.End));
            if (!field.Contains(position) && !(option.ValueSpan.IsEmpty && option.KeySpan.End == position)) continue;
            if (option.ValueSpan.Contains(position) && option.Value is { } value)
            {
                if (option.Key == "type" && FlagDocs.MountTypes.TryGetValue(value, out var type))
                {
                    return new HoverInfo(option.ValueSpan, new HoverText(context.Format)
                        .Title($"--mount={type.Syntax}")
                        .Paragraph(type.Summary)
                        .Link($"Dockerfile reference: RUN --mount={type.Syntax}", DockerfileReference.Link(type.Anchor)).ToString());
                }
                if (option.Key == "from") return StageReferenceHover(context, value, option.ValueSpan);
                if (VariableHover(context, flag.Token) is { } variable) return variable;
            }
            if (!FlagDocs.MountOptions.TryGetValue(option.Key, out var doc)) return null;
            return new HoverInfo(option.KeySpan, new HoverText(context.Format)
                .Title(doc.Syntax)
                .Paragraph(doc.Summary)
                .Link("Dockerfile reference: RUN --mount", DockerfileReference.Link(doc.Anchor)).ToString());
        }
        return null;
    }
}
