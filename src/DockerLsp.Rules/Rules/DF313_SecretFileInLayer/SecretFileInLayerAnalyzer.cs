using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Rules.Rules.DF305_CopyArchiveThenExtract;

namespace DockerLsp.Rules.Rules.DF313_SecretFileInLayer;

/// <summary>
/// DF313: in a stage that ships, a credential-like file (<c>.npmrc</c>, <c>.pypirc</c>, <c>.netrc</c>, <c>id_rsa*</c>, private keys,
/// <c>.env</c>, <c>.git-credentials</c>, <c>.docker/config.json</c>...) is copied into a layer, or any copied file is deleted by a later
/// RUN: layers only add, so the file ships in the COPY layer either way. Certificates (CA bundles, chains) are not credentials.
/// Reported on the source.
/// </summary>
public sealed class SecretFileInLayerAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF313",
        "Copied file still ships in its layer",
        "{0}",
        DiagnosticCategory.Security,
        DiagnosticSeverity.Warning);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        var model = context.SemanticModel;
        if (!StageFacts.Ships(model, context.Stage)) return;
        foreach (var found in CopiedFileInLayer.Find(model, context.Stage, context.CancellationToken))
        {
            var message = found.IsCredential
                ? $"'{found.Source}' looks like a credential: copied into a layer, it ships with the image{(found.IsDeletedLater ? " even though a later RUN deletes it" : string.Empty)}. Give it to the RUN that needs it with RUN --mount=type=secret."
                : $"'{found.Source}' is deleted by a later RUN but still ships in the COPY layer. Mount it for the RUN that uses it (RUN --mount=type=bind) instead of copying it.";
            var span = CopyArchiveThenExtractAnalyzer.SourceSpan(found.Copy.Instruction, found.Source) ?? found.Copy.Instruction.Keyword.Span;
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, span, message));
        }
    }
}
