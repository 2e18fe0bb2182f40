using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.TestUtilities;
using Xunit;

namespace DockerLsp.Rules.Tests;

/// <summary>
/// The best-practice rules on the real-world corpus (<c>../shared/corpus/real-world</c>): none of them throws, and fixing all their
/// diagnostics in a file reaches a fixed point without adding a syntax error. The per-rule hit counts reported in
/// <c>docs/corpus-report.md</c> come from the same analysis (see <see cref="HitCounts"/>).
/// </summary>
public sealed class BestPracticeCorpusTests
{
    private const int MaxPasses = 6;

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Corpus.RealWorldFiles()) data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Fixing_every_best_practice_diagnostic_converges_and_keeps_the_file_valid(string name)
    {
        var text = await File.ReadAllTextAsync(Path.Combine(Corpus.RealWorld, name));
        var document = DockerfileDocument.Create(text, name);
        var configuration = BestPracticeTestSupport.WithPinningRule;
        var before = RuleCatalog.Driver.Analyze(document, configuration);
        Assert.DoesNotContain(before, IsOurFailure);
        var errorsBefore = document.SyntaxTree.GetDiagnostics().Count(d => d.Severity == Syntax.Diagnostics.DiagnosticSeverity.Error);

        bool Ours(Diagnostic d) => BestPracticeTestSupport.IsBestPracticeRule(d.Id);
        var result = await RuleCatalog.FixAllService.FixDocumentAsync(document, RuleCatalog.Driver, configuration, Ours, MaxPasses);
        var fixedDocument = result.Fixed;
        var errorsAfter = fixedDocument.SyntaxTree.GetDiagnostics().Count(d => d.Severity == Syntax.Diagnostics.DiagnosticSeverity.Error);
        Assert.True(errorsAfter <= errorsBefore, $"Fixing {name} added syntax errors:\n{fixedDocument.Text}");
        Assert.DoesNotContain(RuleCatalog.Driver.Analyze(fixedDocument, configuration), IsOurFailure);

        // A fixed point: one more pass changes nothing.
        var again = await BestPracticeTestSupport.FixAllOnceAsync(fixedDocument, configuration, Ours);
        Assert.True(again.Changes.TextChanges.IsDefaultOrEmpty, $"{name} still changes after {MaxPasses} passes:\n{fixedDocument.Text}");
    }

    private static readonly string[] s_ourAnalyzers = RuleCatalog.Analyzers
        .Where(a => a.SupportedDiagnostics.Any(d => BestPracticeTestSupport.IsBestPracticeRule(d.Id)))
        .Select(a => a.ToString())
        .ToArray();

    /// <summary>An engine DF001 diagnostic (an analyzer threw) naming one of the best-practice analyzers.</summary>
    private static bool IsOurFailure(Diagnostic diagnostic) =>
        diagnostic.Id == "DF001" && s_ourAnalyzers.Any(name => diagnostic.Message.Contains(name, StringComparison.Ordinal));

    /// <summary>Hits per best-practice rule over the corpus (no build context, DF501 turned on), as reported in docs/corpus-report.md.</summary>
    public static ImmutableSortedDictionary<string, (int Hits, int Files)> HitCounts()
    {
        var counts = new SortedDictionary<string, (int Hits, int Files)>(StringComparer.Ordinal);
        foreach (var file in Corpus.RealWorldFiles())
        {
            var document = DockerfileDocument.Create(File.ReadAllText(file), Path.GetFileName(file));
            var ids = RuleCatalog.Driver.Analyze(document, BestPracticeTestSupport.WithPinningRule).Select(d => d.Id).Where(BestPracticeTestSupport.IsBestPracticeRule).ToList();
            foreach (var group in ids.GroupBy(id => id))
            {
                var (hits, files) = counts.GetValueOrDefault(group.Key);
                counts[group.Key] = (hits + group.Count(), files + 1);
            }
        }
        return counts.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    [Fact]
    public void Hit_counts_match_the_corpus_report()
    {
        var report = Path.Combine(Corpus.RepoRoot, "docs", "corpus-report.md");
        Assert.True(File.Exists(report), "docs/corpus-report.md is missing");
        var text = File.ReadAllText(report);
        foreach (var (id, (hits, files)) in HitCounts())
        {
            Assert.True(text.Contains($"| {id} | {hits} | {files} |", StringComparison.Ordinal), $"docs/corpus-report.md should list '| {id} | {hits} | {files} |'.");
        }
    }
}
