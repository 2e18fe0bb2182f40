using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;

namespace DockerLsp.Rules.Rules.DF307_DependencyManifestsWithSources;

/// <summary>
/// DF307: a dependency install (npm/yarn/pnpm, pip -r, poetry, uv, pipenv, bundler, go mod download, dotnet restore, maven, gradle,
/// cargo fetch, composer) that runs after <c>COPY . &lt;dst&gt;</c> in the directory tree that COPY filled: every source change
/// invalidates the COPY and so re-runs the install. Reported on the install command.
/// </summary>
public sealed class DependencyManifestsWithSourcesAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF307",
        "Dependencies installed after copying all the sources",
        "'{0}' runs after '{1}' copied all the sources, so any source change re-runs it. Copy {2} first and install before copying the rest.",
        DiagnosticCategory.BestPractice,
        DiagnosticSeverity.Warning);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        foreach (var found in InstallAfterSources.Find(context.Document, context.SemanticModel, context.Stage, context.CancellationToken))
        {
            var invocation = found.Install.Invocation;
            var verb = invocation.Subcommand()?.Value;
            var shown = verb is null ? invocation.Name : invocation.Name + " " + verb;
            var copy = context.Document.Text.ToString(found.BroadCopy.Instruction.Span).Split('\n')[0].TrimEnd('\\', ' ', '\r');
            var manifests = found.ManifestsToCopy is { Count: > 0 } list ? string.Join(", ", list) : "the manifests (" + string.Join(", ", found.Install.ConventionalManifests.DefaultIfEmpty("project files")) + ")";
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, invocation.Command.Span, shown, copy, manifests));
        }
    }
}
