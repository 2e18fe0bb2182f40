using DockerLsp.Analysis;
using DockerLsp.TestUtilities;
using Xunit;

namespace DockerLsp.Rules.Tests.Samples;

/// <summary>
/// The before/after samples in <c>docs/samples/&lt;language&gt;/</c>: each folder is a build context with a naive <c>Dockerfile</c>;
/// fixing it to a fixed point (what <c>dockerlsp fix</c> does) must give the checked-in <c>Dockerfile.fixed</c> (and, when the fix
/// creates one, the checked-in <c>expected.dockerignore</c>), leave no best-practice warning, and be the same whether only the
/// best-practice rules or all rules are applied, so that the samples show what the command really does.
/// </summary>
public sealed class SampleFixTests
{
    private static string SamplesRoot => Path.Combine(Corpus.RepoRoot, "docs", "samples");

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var directory in Directory.EnumerateDirectories(SamplesRoot).Order(StringComparer.Ordinal))
        {
            if (File.Exists(Path.Combine(directory, "Dockerfile"))) data.Add(Path.GetFileName(directory));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Fix_turns_the_naive_sample_into_the_checked_in_one(string language)
    {
        var directory = Path.Combine(SamplesRoot, language);
        var context = new DirectoryBuildContext(directory);
        var document = DockerfileDocument.Create(await File.ReadAllTextAsync(Path.Combine(directory, "Dockerfile")), "Dockerfile", context);
        var configuration = AnalysisConfiguration.Default;

        var result = await RuleCatalog.FixAllService.FixDocumentAsync(document, RuleCatalog.Driver, configuration, d => BestPracticeTestSupport.IsBestPracticeRule(d.Id));
        var fixedText = result.NewText.ToString();
        BestPracticeTestSupport.CompareOrUpdate(Path.Combine(directory, "Dockerfile.fixed"), fixedText);
        Assert.False(result.Fixed.SyntaxTree.HasErrors, "The fixed sample does not parse:\n" + fixedText);

        context.Apply(result.FileEdits);
        var expectedIgnore = Path.Combine(directory, "expected.dockerignore");
        if (result.FileEdits.Any() || File.Exists(expectedIgnore))
        {
            BestPracticeTestSupport.CompareOrUpdate(expectedIgnore, context.ReadAllText(".dockerignore") ?? string.Empty);
        }

        var after = DockerfileDocument.Create(fixedText, "Dockerfile", context);
        var warnings = RuleCatalog.Driver.Analyze(after, configuration)
            .Where(d => BestPracticeTestSupport.IsBestPracticeRule(d.Id) && d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => d.ToString());
        Assert.Empty(warnings);

        // `dockerlsp fix` applies every rule: the other rules must have nothing to change in the sample.
        var everything = await RuleCatalog.FixAllService.FixDocumentAsync(document, RuleCatalog.Driver, configuration);
        Assert.Equal(fixedText, everything.NewText.ToString());
    }
}
