using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;

namespace DockerLsp.Rules.Rules.DF502_UntaggedBaseImage;

/// <summary>
/// DF502: a base image without tag or digest, which means <c>latest</c>: builds change silently when the image moves. Exempt:
/// scratch, earlier stages, and references whose variables have no known default. Reported on the image.
/// </summary>
public sealed class UntaggedBaseImageAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF502",
        "Base image without a tag",
        "Base image '{0}' has no tag, so it means '{0}:latest' and changes whenever the image is republished. Pin a version tag (or a digest).",
        DiagnosticCategory.Maintainability,
        DiagnosticSeverity.Warning,
        hadolintIds: ["DL3006"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        var stage = context.Stage;
        if (stage.BaseImage is not { HasVariables: false, IsValid: true, IsScratch: false, Tag: null, Digest: null } image || stage.From.Image is not { } syntax) return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, syntax.Span, image.Original));
    }
}
