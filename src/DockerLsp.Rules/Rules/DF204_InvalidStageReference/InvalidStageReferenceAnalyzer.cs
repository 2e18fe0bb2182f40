using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Analysis.Semantics;

namespace DockerLsp.Rules.Rules.DF204_InvalidStageReference;

/// <summary>
/// DF204: <c>COPY --from</c> or <c>RUN --mount=from=</c> naming a stage that does not exist, comes later, or is the current
/// stage. A name that is no stage and not a near miss of one is read as an image (<c>--from=nginx</c> is legal). The
/// nearest earlier stage name is kept in the <c>suggestion</c> property for the fix.
/// </summary>
public sealed class InvalidStageReferenceAnalyzer : DiagnosticAnalyzer
{
    public const string SuggestionProperty = "suggestion";

    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF204",
        "Reference to an unknown, later or current stage",
        "{0}",
        DiagnosticCategory.Correctness,
        DiagnosticSeverity.Error,
        hadolintIds: ["DL3022", "DL3023"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        var model = context.SemanticModel;
        foreach (var reference in model.GetStageReferences(context.Stage))
        {
            if (reference.Kind == StageReferenceKind.FromBase) continue;
            // Most references are fine; only a broken one pays for the suggestion search over earlier stages.
            if (reference.Problem is not (StageReferenceProblem.Unknown or StageReferenceProblem.Later or StageReferenceProblem.Current)) continue;
            // Earlier stages' names come from their FROM lines, which a stage-scoped action may read.
            var earlier = model.Stages.Where(s => s.Index < reference.Source.Index && s.Name is not null).Select(s => s.Name!).ToArray();
            var suggestion = StringDistance.FindNearest(reference.Text, earlier);
            var didYouMean = suggestion is null ? string.Empty : $" Did you mean '{suggestion}'?";
            var message = reference.Problem switch
            {
                StageReferenceProblem.Unknown => $"No stage named '{reference.Text}' is defined before this instruction.{didYouMean}",
                StageReferenceProblem.Later => $"Stage '{reference.Text}' is defined later in the file; a stage can only use earlier stages.{didYouMean}",
                StageReferenceProblem.Current => $"Stage '{reference.Text}' is the stage this instruction is in; it cannot copy from or mount itself.{didYouMean}",
                _ => null,
            };
            if (message is null) continue;
            var properties = suggestion is null ? null : new Dictionary<string, string> { [SuggestionProperty] = suggestion };
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, reference.Span, null, properties, DiagnosticTags.None, message));
        }
    }
}
