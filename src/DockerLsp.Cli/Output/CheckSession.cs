using DockerLsp.Analysis;
using DockerLsp.Cli.Commands;
using DockerLsp.Cli.Commands.Parse;
using DockerLsp.Rules;
using DockerLsp.Syntax;

namespace DockerLsp.Cli.Output;

/// <summary>
/// One check over many inputs: expands the paths, reads each file through the console (so tests can simulate IO failures),
/// loads its configuration, analyses the files in parallel, and collects findings with their fixes. Output order follows input
/// order whatever the parallelism.
/// </summary>
public static class CheckSession
{
    public static async Task<CheckReport> RunAsync(CliConsole console, IReadOnlyList<string> paths, ConfigurationLoader loader, bool computeFixEdits, CancellationToken cancellationToken)
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
        var configurations = new AnalysisConfiguration[loaded.Count];
        await Parallel.ForAsync(0, loaded.Count, new ParallelOptions { CancellationToken = cancellationToken }, async (index, token) =>
        {
            var (path, source) = loaded[index];
            var configuration = configurations[index] = loader.For(path);
            var contextRoot = path == SourceLoader.StandardInputName ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(path))!;
            var document = new DockerfileDocument(SyntaxTree.Parse(source.Text, cancellationToken: token), source.DisplayPath, new FileSystemBuildContext(contextRoot));
            var diagnostics = RuleCatalog.Driver.Analyze(document, configuration, token);
            var findings = new List<Finding>(diagnostics.Length);
            foreach (var diagnostic in diagnostics)
            {
                var action = RuleCatalog.CodeFixService.GetFixes(document, diagnostic, token).FirstOrDefault();
                var changes = computeFixEdits && action is not null ? await action.GetChangesAsync(token).ConfigureAwait(false) : null;
                findings.Add(new Finding(diagnostic, action?.Title, changes));
            }
            reports[index] = new FileReport(source.DisplayPath, document, findings);
        }).ConfigureAwait(false);

        var problems = configurations
            .SelectMany(c => c.Problems.Concat(ConfigurationLoader.Validate(c)))
            .Distinct()
            .ToList();
        return new CheckReport(reports.Select(r => r!).ToList(), readErrors, problems);
    }
}
