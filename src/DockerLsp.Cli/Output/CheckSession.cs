using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Cli.Commands;
using DockerLsp.Cli.Commands.Parse;
using DockerLsp.Features.Images;
using DockerLsp.Rules;
using DockerLsp.Rules.Rules.DF506_StaleDigest;
using DockerLsp.Syntax;
using DockerLsp.Server.Hosting;

namespace DockerLsp.Cli.Output;

/// <summary>
/// One check over many inputs: expands the paths, reads each file through the console (so tests can simulate IO failures),
/// loads its configuration, analyses the files in parallel, and collects findings with their fixes. Output order follows input
/// order whatever the parallelism. With a registry, pinned digests are checked against their tags (DF506, the editor's
/// <see cref="ImagePinService"/> code); what the registry cannot answer becomes a warning, not a finding.
/// </summary>
public static class CheckSession
{
    public static async Task<CheckReport> RunAsync(CliConsole console, IReadOnlyList<string> paths, ConfigurationLoader loader, bool computeFixEdits, CancellationToken cancellationToken,
        IImageRegistry? digestRegistry = null)
    {
        var inputs = DockerfileDiscovery.Expand(paths.Count == 0 ? ["."] : paths);
        var readErrors = new List<string>();
        var loaded = new List<(string Path, LoadedSource Source)>();
        foreach (var path in inputs)
        {
            if (SourceLoader.TryLoad(console, path, out var source, out var error)) loaded.Add((path, source));
            else readErrors.Add(error);
        }

        var reports = new FileReport?[loaded.Count];
        var warnings = new List<string>?[loaded.Count];
        var configurations = new AnalysisConfiguration[loaded.Count];
        await Parallel.ForAsync(0, loaded.Count, new ParallelOptions { CancellationToken = cancellationToken }, async (index, token) =>
        {
            var (path, source) = loaded[index];
            var configuration = configurations[index] = loader.For(path);
            var contextRoot = path == SourceLoader.StandardInputName ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(path))!;
            var document = new DockerfileDocument(SyntaxTree.Parse(source.Text, cancellationToken: token), source.DisplayPath, DiskBuildContext.ForDirectory(contextRoot));
            var diagnostics = RuleCatalog.Driver.Analyze(document, configuration, token);
            var findings = new List<Finding>(diagnostics.Length);
            foreach (var diagnostic in diagnostics)
            {
                var action = RuleCatalog.CodeFixService.GetFixes(document, diagnostic, token).FirstOrDefault();
                var changes = computeFixEdits && action is not null ? await action.GetChangesAsync(token).ConfigureAwait(false) : null;
                findings.Add(new Finding(diagnostic, action?.Title, changes));
            }
            if (digestRegistry is not null && configuration.GetSeverity(StaleDigestAnalyzer.Descriptor) is { } severity)
            {
                var stale = await CheckDigestsAsync(document, source.DisplayPath, digestRegistry, severity, configuration, token).ConfigureAwait(false);
                findings = [.. findings.Concat(stale.Findings).OrderBy(f => f.Diagnostic.Span.Start)];
                warnings[index] = stale.Warnings;
            }
            reports[index] = new FileReport(source.DisplayPath, document, findings);
        }).ConfigureAwait(false);

        var problems = configurations
            .SelectMany(c => c.Problems.Concat(ConfigurationLoader.Validate(c)))
            .Distinct()
            .ToList();
        return new CheckReport(reports.Select(r => r!).ToList(), readErrors, problems) { Warnings = warnings.SelectMany(w => w ?? []).ToList() };
    }

    /// <summary>DF506 for every pinned reference whose tag now has another digest (fix "Update digest"); unanswered lookups as warnings.</summary>
    private static async Task<(List<Finding> Findings, List<string> Warnings)> CheckDigestsAsync(DockerfileDocument document, string displayPath, IImageRegistry registry,
        DiagnosticSeverity severity, AnalysisConfiguration configuration, CancellationToken cancellationToken)
    {
        var findings = new List<Finding>();
        var warnings = new List<string>();
        var suppressions = configuration.InlineSuppressionsEnabled ? Analysis.Suppression.SuppressionMap.Create(document.SyntaxTree, cancellationToken) : null;
        var text = document.Text.ToString();
        foreach (var outcome in await new ImagePinService(registry).CheckDigestsAsync(document, cancellationToken).ConfigureAwait(false))
        {
            var image = outcome.Image;
            if (outcome.FailureReason is { } reason)
            {
                warnings.Add($"{displayPath}:{text.AsSpan(0, image.Span.Start).Count('\n') + 1}: digest not checked: {reason}");
                continue;
            }
            if (outcome.Change is not { } change) continue;
            var diagnostic = Diagnostic.Create(StaleDigestAnalyzer.Descriptor, image.Span, image.LookupReference, image.Image!.Digest, outcome.Digest).WithSeverity(severity);
            if (suppressions?.IsSuppressed(diagnostic) == true) continue;
            findings.Add(new Finding(diagnostic, "Update digest", new DocumentChanges([change], [])));
        }
        return (findings, warnings);
    }
}
