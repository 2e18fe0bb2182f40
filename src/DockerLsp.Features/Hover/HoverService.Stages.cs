using DockerLsp.Features.Hover.Docs;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.Hover;

/// <summary>Hover on stage names (declarations and references) and on image references.</summary>
public sealed partial class HoverService
{
    private static HoverInfo StageDeclarationHover(HoverContext context, FromInstructionSyntax from)
    {
        var stage = context.Facts.GetStages(context.Document, context.CancellationToken).FirstOrDefault(s => s.FromSpan.Start == from.Span.Start);
        var text = new HoverText(context.Format).Title($"FROM {from.Image?.Text} AS {from.StageName}");
        if (stage is not null) text.Paragraph($"Build stage {stage.Index} (`{stage.Name}`), declared on line {Line(context, stage.FromSpan)}. Refer to it with `COPY --from={stage.Name}`, `RUN --mount=from={stage.Name}` or `FROM {stage.Name}`, and build it alone with `docker build --target {stage.Name}`.");
        return new HoverInfo(from.StageNameToken.Span, text.ToString());
    }

    private static HoverInfo? StageReferenceHover(HoverContext context, string reference, TextSpan span)
    {
        var stages = context.Facts.GetStages(context.Document, context.CancellationToken);
        var stage = stages.FirstOrDefault(s => string.Equals(s.Name, reference, StringComparison.OrdinalIgnoreCase))
            ?? (int.TryParse(reference, out var index) && index >= 0 && index < stages.Count ? stages[index] : null);
        var text = new HoverText(context.Format);
        if (stage is null)
        {
            text.Title(reference).Paragraph($"No build stage is named `{reference}`: BuildKit treats it as an image reference, `{NormalizeImage(reference)}`.");
            return new HoverInfo(span, text.ToString());
        }
        text.Title($"FROM {stage.BaseImage}" + (stage.Name is null ? string.Empty : $" AS {stage.Name}"))
            .Paragraph($"Build stage {stage.Index}" + (stage.Name is null ? string.Empty : $" `{stage.Name}`") + $", based on `{stage.BaseImage}`, declared on line {Line(context, stage.FromSpan)}.");
        return new HoverInfo(span, text.ToString());
    }

    private static HoverInfo ImageHover(HoverContext context, FromInstructionSyntax from, ImageReferenceSyntax image)
    {
        var stages = context.Facts.GetStages(context.Document, context.CancellationToken);
        var earlier = stages.LastOrDefault(s => s.FromSpan.Start < from.Span.Start && string.Equals(s.Name, image.Text, StringComparison.OrdinalIgnoreCase));
        if (earlier is not null) return StageReferenceHover(context, image.Text, image.Token.Span)!;
        var text = new HoverText(context.Format).Title(image.Text);
        if (string.Equals(image.Text, "scratch", StringComparison.Ordinal))
        {
            text.Paragraph("The empty image: the stage starts with no files at all.");
        }
        else
        {
            text.Paragraph($"Image `{NormalizeImage(image.Text)}`.");
            var parts = image.GetParts();
            if (parts.Digest is null) text.Paragraph(parts.Tag is null ? "No tag: BuildKit pulls `latest`, which changes over time. Pin a tag or a digest." : "Pinned by tag only: the tag can move. Pin a digest (`@sha256:...`) for reproducible builds.");
        }
        text.Link("Dockerfile reference: FROM", DockerfileReference.Link("from"));
        return new HoverInfo(image.Token.Span, text.ToString());
    }

    /// <summary>The fully qualified form Docker uses (the engine's normalization): <c>docker.io/library/nginx:latest</c>.</summary>
    internal static string NormalizeImage(string reference)
    {
        var parsed = Analysis.Semantics.ImageReference.Parse(reference);
        return parsed.HasVariables || !parsed.IsValid ? reference : parsed.FullyQualified;
    }

    private static int Line(HoverContext context, TextSpan span) => context.Document.Text.Lines.GetLinePosition(span.Start).Line + 1;
}
