using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;

namespace DockerLsp.Rules.Rules.DF303_VolatileValueDeclaredEarly;

/// <summary>
/// DF303: an ARG, ENV or LABEL whose value changes on every build (a build date, a commit, the app version, or anything made from
/// them) declared before cached steps that do not use it, so every build re-runs them. Reported on the declared (or labelled)
/// name; see <see cref="VolatileDeclarations"/> for what counts as a use and where the declaration belongs.
/// </summary>
public sealed class VolatileValueDeclaredEarlyAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF303",
        "Per-build value declared before the steps that do not use it",
        "'{0}' changes on every build, and declared here it makes {1} cached step(s) below that do not use it re-run every time. Declare it just before its first use.",
        DiagnosticCategory.BestPractice,
        DiagnosticSeverity.Warning);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        foreach (var declaration in VolatileDeclarations.Find(context.SemanticModel, context.Stage, context.CancellationToken))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, declaration.NameToken.Span, declaration.Name, declaration.InvalidatedSteps));
        }
    }
}
