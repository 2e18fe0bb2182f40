using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF309_CleanupInOwnLayer;

/// <summary>
/// DF309: a RUN that only cleans up (package lists and caches, package removals, temporary directories, downloaded archives, files an
/// earlier RUN wrote) in a stage that ships. Layers only add: the files stay in the layer that created them, so this RUN frees no
/// space and adds a layer. Reported on its first command. Builder stages are exempt: their layers are discarded.
/// </summary>
public sealed class CleanupInOwnLayerAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF309",
        "Cleanup in its own layer frees no space",
        "This RUN only deletes files that an earlier layer created: they stay in that layer, so no space is freed. Clean up in the RUN that creates them.",
        DiagnosticCategory.BestPractice,
        DiagnosticSeverity.Warning);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        var model = context.SemanticModel;
        var stage = context.Stage;
        if (!StageFacts.Ships(model, stage)) return;
        foreach (var run in stage.Instructions.OfType<RunInstructionSyntax>())
        {
            if (!CleanupRuns.IsCleanupOnly(model, stage, run, context.CancellationToken)) continue;
            var first = model.GetShellScript(run, context.CancellationToken).Commands.First(c => !c.Words.IsEmpty);
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, first.Span));
        }
    }
}
