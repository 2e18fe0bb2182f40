using DockerLsp.Rules;
using DockerLsp.TestUtilities;
using Xunit;

namespace DockerLsp.Architecture.Tests;

/// <summary>
/// The rule recipe, enforced: every descriptor has <c>docs/rules/ID.md</c> (also embedded for <c>dockerlsp explain</c>); every rule
/// has a test-data folder with at least one case and exactly one source folder <c>Rules/ID_Name</c>; no folder or page is orphaned.
/// </summary>
public sealed class RuleCompletenessTests
{
    private static string RulesSource => Path.Combine(Corpus.RepoRoot, "src", "DockerLsp.Rules", "Rules");
    private static string TestData => Path.Combine(Corpus.RepoRoot, "tests", "DockerLsp.Rules.Tests", "TestData", "rules");
    private static string Docs => Path.Combine(Corpus.RepoRoot, "docs", "rules");

    public static TheoryData<string> AllIds() => new(RuleCatalog.All.Select(d => d.Id));

    public static TheoryData<string> RuleIds() => new(RuleCatalog.Rules.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(AllIds))]
    public void Every_descriptor_has_a_doc_page_in_the_repository_and_in_the_assembly(string id)
    {
        var page = Path.Combine(Docs, id + ".md");
        Assert.True(File.Exists(page), $"Missing {page}.");
        Assert.StartsWith("# " + id, File.ReadAllText(page), StringComparison.Ordinal);
        Assert.Equal(File.ReadAllText(page), RuleCatalog.GetDocumentation(id));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_test_data(string id)
    {
        var folder = Path.Combine(TestData, id);
        Assert.True(Directory.Exists(folder), $"Missing test data folder {folder}.");
        Assert.Contains(Directory.EnumerateFiles(folder, "*.Dockerfile"), f => !f.EndsWith(".fixed.Dockerfile", StringComparison.Ordinal) && !f.EndsWith(".fixall.Dockerfile", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_exactly_one_source_folder(string id)
    {
        var folders = Directory.GetDirectories(RulesSource, id + "_*");
        Assert.True(folders.Length == 1, $"Expected one folder {id}_<Name> in {RulesSource}, found {folders.Length}.");
        Assert.NotEmpty(Directory.GetFiles(folders[0], "*Analyzer.cs"));
    }

    [Fact]
    public void No_orphan_rule_folders_test_data_or_pages()
    {
        var ids = RuleCatalog.All.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var orphans = Directory.GetDirectories(RulesSource).Select(Path.GetFileName).Select(f => f!.Split('_')[0])
            .Concat(Directory.GetDirectories(TestData).Select(Path.GetFileName))
            .Concat(Directory.GetFiles(Docs, "*.md").Select(Path.GetFileNameWithoutExtension))
            .Where(id => !ids.Contains(id!))
            .ToArray();
        Assert.True(orphans.Length == 0, "Orphans (no descriptor with this ID): " + string.Join(", ", orphans));
    }

    [Fact]
    public void Ids_and_aliases_are_unique_and_well_formed()
    {
        var all = RuleCatalog.All;
        Assert.Equal(all.Length, all.Select(d => d.Id).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(all, d => Assert.Matches("^DF[0-9]{3}$", d.Id));
        Assert.All(all, d => Assert.EndsWith("/docs/rules/" + d.Id + ".md", d.HelpLink, StringComparison.Ordinal));
        Assert.All(all.SelectMany(d => d.HadolintIds), h => Assert.Matches("^DL[0-9]{4}$", h));
    }

    [Fact]
    public void Every_code_fix_targets_a_known_rule()
    {
        var ids = RuleCatalog.All.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        Assert.All(RuleCatalog.CodeFixProviders.SelectMany(p => p.FixableDiagnosticIds), id => Assert.Contains(id, ids));
    }
}
