using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Analysis.Semantics;
using DockerLsp.Rules.Common;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF207_InvalidImageReference;

/// <summary>
/// DF207: an image reference in FROM, <c>COPY --from</c> or <c>--mount from=</c> that Docker's reference grammar rejects (registry
/// host and port, lowercase repository path, tag and digest syntax). References still containing variables after expansion are
/// not checked (DF206 covers their defaults). Reported on the offending part when the text was written literally.
/// </summary>
public sealed class InvalidImageReferenceAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF207",
        "Invalid image reference",
        "Invalid image reference '{0}': {1}",
        DiagnosticCategory.Correctness,
        DiagnosticSeverity.Error);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        var text = context.Document.Text;
        foreach (var reference in context.SemanticModel.GetStageReferences(context.Stage))
        {
            if (reference.Image is not { HasVariables: false, IsValid: false } image) continue;
            var error = image.Errors[0];
            var written = text.ToString(reference.Span);
            var span = written == image.Original
                ? new Syntax.Text.TextSpan(reference.Span.Start + error.Start, error.Length == 0 ? 0 : error.Length)
                : reference.Span;
            if (span.IsEmpty) span = reference.Span;
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, span, image.Original, error.Message));
        }
    }
}
