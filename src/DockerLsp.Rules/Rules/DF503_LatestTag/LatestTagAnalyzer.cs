using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;

namespace DockerLsp.Rules.Rules.DF503_LatestTag;

/// <summary>
/// DF503: a base image (or <c>COPY --from</c> image) tagged <c>latest</c> without a digest: not reproducible. With a digest the tag
/// is only documentation, so it is accepted. Reported on the tag.
/// </summary>
public sealed class LatestTagAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF503",
        "Image tagged 'latest'",
        "'{0}' uses the 'latest' tag, which changes whenever the image is republished. Pin a version tag (or a digest).",
        DiagnosticCategory.Maintainability,
        DiagnosticSeverity.Warning,
        hadolintIds: ["DL3007"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        var text = context.Document.Text;
        foreach (var reference in context.SemanticModel.GetStageReferences(context.Stage))
        {
            if (reference.Image is not { HasVariables: false, Tag: "latest", Digest: null } image) continue;
            var written = text.ToString(reference.Span);
            var span = written == image.Original && image.TagStart >= 0
                ? new Syntax.Text.TextSpan(reference.Span.Start + image.TagStart, image.Tag!.Length)
                : reference.Span;
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, span, image.Original));
        }
    }
}
