using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF301_ChainRunInstructions;

/// <summary>
/// DF301: a RUN that directly follows another RUN (only comments between) and could be chained onto it with <c>&amp;&amp;</c>:
/// same flags and mounts, shell form without heredocs, the first does not change shell state the second would inherit, the
/// second is a single and-list, and both serve the same purpose (system setup, dependencies, build), because RUNs that change
/// at different rates are kept apart on purpose. Pairs owned by a more specific rule are left to it: an index refresh alone
/// (DF312) and a cleanup in its own layer (DF309). Reported on the second RUN's keyword, the first as related location.
/// </summary>
public sealed class ChainRunInstructionsAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF301",
        "Consecutive RUN instructions can be chained",
        "This RUN can be chained onto the RUN above it with '&&': one layer and one cache step instead of two.",
        DiagnosticCategory.BestPractice,
        DiagnosticSeverity.Info,
        hadolintIds: ["DL3059"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        var model = context.SemanticModel;
        var stage = context.Stage;
        for (var i = 2; i < stage.Instructions.Length; i++)
        {
            if (stage.Instructions[i - 1] is not RunInstructionSyntax first || stage.Instructions[i] is not RunInstructionSyntax second) continue;
            if (!RunChains.IsChainable(model, stage, first, second, context.CancellationToken)) continue;
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, second.Keyword.Span, [new RelatedLocation(first.Keyword.Span, "the RUN to chain onto")], null, DiagnosticTags.None));
        }
    }
}
