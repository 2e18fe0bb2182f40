using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF310_PackageCacheLeft;

/// <summary>
/// DF310: a package manager leaves its cache or index in the layer of a stage that ships (see <see cref="PackageCacheIssues"/>).
/// Reported on the package-manager command (name and subcommand).
/// </summary>
public sealed class PackageCacheLeftAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The property holding how far before the finding its RUN starts, so that fix-all can group the findings of one RUN.</summary>
    public const string RunOffsetProperty = "runOffset";

    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF310",
        "Package-manager cache left in the layer",
        "'{0}' leaves {1} in this layer; {2}.",
        DiagnosticCategory.BestPractice,
        DiagnosticSeverity.Warning,
        hadolintIds: ["DL3009", "DL3019", "DL3032", "DL3036", "DL3040", "DL3042", "DL3060"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        var model = context.SemanticModel;
        var stage = context.Stage;
        if (!StageFacts.Ships(model, stage)) return;
        foreach (var run in stage.Instructions.OfType<RunInstructionSyntax>())
        {
            foreach (var issue in PackageCacheIssues.Find(model, stage, run, context.CancellationToken))
            {
                var span = PackageCacheIssues.ReportSpan(issue);
                var advice = issue.Repair switch
                {
                    CacheRepair.AppendCleanup => $"add '{issue.Text}' at the end of the same RUN",
                    CacheRepair.InsertFlag => $"add '{issue.Text}'",
                    _ => "drop it",
                };
                // Where the RUN starts, relative to the finding (an absolute offset would go stale when the cache moves the finding).
                var properties = new Dictionary<string, string> { [RunOffsetProperty] = (span.Start - run.Span.Start).ToString(System.Globalization.CultureInfo.InvariantCulture) };
                context.ReportDiagnostic(Diagnostic.Create(Descriptor, span, null, properties, DiagnosticTags.None, context.Document.Text.ToString(span), issue.Description, advice));
            }
        }
    }
}
