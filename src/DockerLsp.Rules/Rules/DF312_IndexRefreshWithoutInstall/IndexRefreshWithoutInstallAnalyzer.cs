using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF312_IndexRefreshWithoutInstall;

/// <summary>
/// DF312: a RUN that only refreshes a package index (<c>apt-get update</c>, <c>apk update</c>, <c>yum</c>/<c>dnf makecache</c>,
/// <c>zypper refresh</c>). Its layer is cached, so a later RUN that installs may use an index that is weeks old (missing packages,
/// outdated versions), and the index is stored in the image. Reported on the refresh command.
/// </summary>
public sealed class IndexRefreshWithoutInstallAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF312",
        "Package index refreshed in a RUN without an install",
        "'{0}' runs in its own RUN: its cached layer keeps the index from the first build, so later installs use a stale index. Refresh in the same RUN that installs.",
        DiagnosticCategory.BestPractice,
        DiagnosticSeverity.Warning);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        var model = context.SemanticModel;
        foreach (var run in context.Stage.Instructions.OfType<RunInstructionSyntax>())
        {
            var script = model.GetShellScript(run, context.CancellationToken);
            if (!IndexRefresh.IsRefreshOnly(script)) continue;
            var command = script.Commands.First(c => !c.Words.IsEmpty);
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, command.Span, context.Document.Text.ToString(command.Span)));
        }
    }
}
