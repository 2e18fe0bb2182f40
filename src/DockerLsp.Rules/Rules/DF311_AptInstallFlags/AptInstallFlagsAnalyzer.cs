using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF311_AptInstallFlags;

/// <summary>
/// DF311: <c>apt-get install</c> (or <c>apt install</c>) without <c>-y</c> (the build aborts at the confirmation prompt) or without
/// <c>--no-install-recommends</c> (recommended packages, often hundreds of megabytes, come along). Equivalent spellings count:
/// <c>--yes</c>, <c>-qq</c>, <c>yes |</c>, <c>-o APT::Install-Recommends=false</c>, or an earlier RUN configuring recommends. Reported
/// on <c>install</c>.
/// </summary>
public sealed class AptInstallFlagsAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF311",
        "apt-get install without -y or --no-install-recommends",
        "apt-get install without {0}: {1}.",
        DiagnosticCategory.BestPractice,
        DiagnosticSeverity.Warning,
        hadolintIds: ["DL3014", "DL3015"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        var model = context.SemanticModel;
        var stage = context.Stage;
        foreach (var run in stage.Instructions.OfType<RunInstructionSyntax>())
        {
            foreach (var found in AptInstallFlags.Find(model, stage, run, context.CancellationToken))
            {
                var missing = string.Join(" and ", new[] { found.MissingYes ? "-y" : null, found.MissingNoRecommends ? "--no-install-recommends" : null }.OfType<string>());
                var why = string.Join("; ", new[]
                {
                    found.MissingYes ? "the build stops at the confirmation prompt" : null,
                    found.MissingNoRecommends ? "recommended packages the image does not need are installed too" : null,
                }.OfType<string>());
                context.ReportDiagnostic(Diagnostic.Create(Descriptor, found.Command.Subcommand!.Span, missing, why));
            }
        }
    }
}
