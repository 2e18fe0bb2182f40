using System.Text;
using DockerLsp.Analysis;
using DockerLsp.TestUtilities;
using Xunit;
using SyntaxSeverity = DockerLsp.Syntax.Diagnostics.DiagnosticSeverity;

namespace DockerLsp.Rules.Tests;

/// <summary>
/// The measured bars on the 290 real-world Dockerfiles of the shared corpus: no error-severity diagnostic (except the three
/// devcontainers templates whose <c>FROM REPLACE-ME</c> placeholder is replaced by a script before building: Docker rejects it as
/// written), no analyzer failure, every fix-all safe (no new syntax error) and idempotent, and the per-rule counts in
/// <c>docs/corpus-report.md</c> up to date (regenerate with DOCKERLSP_UPDATE_BASELINES=1).
/// </summary>
public sealed class CorpusTests
{
    /// <summary>Files that do not build as written; the diagnostics on them are true positives.</summary>
    private static readonly Dictionary<string, string> s_knownErrors = new(StringComparer.Ordinal)
    {
        ["devcontainers__images__build__assets__alpine.Dockerfile"] = "DF207",
        ["devcontainers__images__build__assets__debian.Dockerfile"] = "DF207",
        ["devcontainers__images__build__assets__redhat.Dockerfile"] = "DF207",
    };

    private const string CountsStart = "<!-- counts:start -->";
    private const string CountsEnd = "<!-- counts:end -->";

    private static readonly Lazy<IReadOnlyList<(string File, DockerfileDocument Document, IReadOnlyList<Diagnostic> Diagnostics)>> s_results = new(() =>
        Corpus.RealWorldFiles()
            .Select(path =>
            {
                var document = DockerfileDocument.Create(File.ReadAllText(path), Path.GetFileName(path));
                return (Path.GetFileName(path), document, (IReadOnlyList<Diagnostic>)RuleCatalog.Driver.Analyze(document, AnalysisConfiguration.Default));
            })
            .ToArray());

    [Fact]
    public void The_corpus_has_290_files()
    {
        Assert.Equal(290, s_results.Value.Count);
    }

    [Fact]
    public void No_error_severity_diagnostics_except_on_files_that_do_not_build_as_written()
    {
        var errors = s_results.Value
            .SelectMany(r => r.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => (r.File, d)))
            .Where(x => s_knownErrors.GetValueOrDefault(x.File) != x.d.Id)
            .Select(x => $"{x.File}: {x.d}")
            .ToArray();
        Assert.True(errors.Length == 0, string.Join("\n", errors));
    }

    [Fact]
    public void No_analyzer_fails()
    {
        var failures = s_results.Value.SelectMany(r => r.Diagnostics.Where(d => d.Id is "DF001" or "DF002").Select(d => $"{r.File}: {d.Message}")).ToArray();
        Assert.True(failures.Length == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Fixing_everything_is_safe_and_idempotent()
    {
        foreach (var (file, document, _) in s_results.Value)
        {
            var errorsBefore = document.SyntaxTree.GetDiagnostics().Count(d => d.Severity == SyntaxSeverity.Error);
            var fixedOnce = await RuleCatalog.FixAllService.FixDocumentAsync(document, RuleCatalog.Driver, AnalysisConfiguration.Default);
            var errorsAfter = fixedOnce.Fixed.SyntaxTree.GetDiagnostics().Count(d => d.Severity == SyntaxSeverity.Error);
            Assert.True(errorsAfter <= errorsBefore, $"{file}: fixing added syntax errors:\n{fixedOnce.NewText}");
            var fixedTwice = await RuleCatalog.FixAllService.FixDocumentAsync(fixedOnce.Fixed, RuleCatalog.Driver, AnalysisConfiguration.Default);
            Assert.True(fixedTwice.NewText.ToString() == fixedOnce.NewText.ToString(), $"{file}: fixing again changed the text");
        }
    }

    [Fact]
    public void Corpus_report_counts_are_current()
    {
        var table = new StringBuilder();
        table.Append("| Rule | Title | Severity | Diagnostics | Files |\n| --- | --- | --- | --- | --- |\n");
        foreach (var group in s_results.Value.SelectMany(r => r.Diagnostics.Select(d => (r.File, d))).GroupBy(x => x.d.Id).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var descriptor = group.First().d.Descriptor;
            table.Append($"| [{group.Key}](rules/{group.Key}.md) | {descriptor.Title} | {group.First().d.Severity.ToName()} | {group.Count()} | {group.Select(x => x.File).Distinct().Count()} |\n");
        }
        var total = s_results.Value.Sum(r => r.Diagnostics.Count);
        table.Append($"\nTotal: {total} diagnostics in {s_results.Value.Count(r => r.Diagnostics.Count > 0)} of {s_results.Value.Count} files.\n");
        var expected = CountsStart + "\n" + table + CountsEnd;

        var path = Path.Combine(Corpus.RepoRoot, "docs", "corpus-report.md");
        var report = File.Exists(path) ? File.ReadAllText(path) : string.Empty;
        var start = report.IndexOf(CountsStart, StringComparison.Ordinal);
        var end = report.IndexOf(CountsEnd, StringComparison.Ordinal);
        var actual = start >= 0 && end > start ? report[start..(end + CountsEnd.Length)] : string.Empty;
        if (actual != expected && Baseline.UpdateRequested && start >= 0 && end > start)
        {
            File.WriteAllText(path, report[..start] + expected + report[(end + CountsEnd.Length)..]);
            return;
        }
        Assert.Equal(expected, actual);
    }
}
