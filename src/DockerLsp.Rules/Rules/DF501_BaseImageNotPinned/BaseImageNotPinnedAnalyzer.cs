using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;

namespace DockerLsp.Rules.Rules.DF501_BaseImageNotPinned;

/// <summary>
/// DF501 (off by default): a base image referenced by tag without a digest. A tag can be republished, so the same Dockerfile may
/// build on a different base tomorrow; a digest pins the exact image, at the cost of readability and of manual updates. Whether
/// reproducibility is worth that is the project's call, so the rule is opt-in. Exempt: scratch, earlier stages, and references
/// whose variables have no known value. Reported on the image; the fix that resolves the digest comes with registry support.
/// </summary>
public sealed class BaseImageNotPinnedAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF501",
        "Base image not pinned by digest",
        "'{0}' is not pinned by digest: the tag can be republished, so rebuilds may use a different base. Append @sha256:<digest> to pin it.",
        DiagnosticCategory.Maintainability,
        DiagnosticSeverity.Info,
        isEnabledByDefault: false);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        var stage = context.Stage;
        if (stage.BaseImage is not { HasVariables: false, IsValid: true, IsScratch: false, Digest: null } image || stage.From.Image is not { } syntax) return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, syntax.Span, image.Original));
    }
}
