using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Rules.Common.BestPractice;

namespace DockerLsp.Rules.Rules.DF316_RecursiveOwnershipChange;

/// <summary>
/// DF316: <c>RUN chown -R</c> or <c>chmod -R</c> over files an earlier COPY/ADD of the stage put there, in a stage that ships. Changing
/// metadata copies every file into the new layer, so the image carries them twice. Reported on the command.
/// </summary>
public sealed class RecursiveOwnershipChangeAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF316",
        "Recursive chown/chmod duplicates copied files",
        "'{0} -R' rewrites every file copied into {1}, so the image stores them twice. Set it while copying: COPY {2}.",
        DiagnosticCategory.BestPractice,
        DiagnosticSeverity.Warning);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        var model = context.SemanticModel;
        if (!StageFacts.Ships(model, context.Stage)) return;
        foreach (var found in RecursiveOwnershipChange.Find(model, context.Stage, context.CancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, found.Command.Command.Span, found.Command.Name, found.Path, found.Flag));
        }
    }
}
