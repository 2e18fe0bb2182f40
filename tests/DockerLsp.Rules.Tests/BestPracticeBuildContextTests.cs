using DockerLsp.Analysis;
using DockerLsp.TestUtilities;
using Xunit;

namespace DockerLsp.Rules.Tests;

/// <summary>
/// Data tests for rules that read the build context (DF306's .dockerignore check, DF307's manifests): each folder
/// <c>TestData/rules/&lt;ID&gt;/context/&lt;case&gt;/</c> is a build context holding a marked-up <c>Dockerfile</c>, optionally
/// <c>Dockerfile.fixed</c> (the Dockerfile after fix-all of the rule) and <c>expected.dockerignore</c> (the ignore file after the
/// fix's file edits). After the fix, with its file edits applied, the rule must be silent.
/// </summary>
public sealed class BestPracticeBuildContextTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var rule in Directory.EnumerateDirectories(BestPracticeTestSupport.RulesData).Order(StringComparer.Ordinal))
        {
            var contexts = Path.Combine(rule, "context");
            if (!Directory.Exists(contexts)) continue;
            foreach (var directory in Directory.EnumerateDirectories(contexts).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(rule) + "/" + Path.GetFileName(directory));
            }
        }
        return data;
    }

    private static (string RuleId, string Directory) Locate(string name)
    {
        var parts = name.Split('/');
        return (parts[0], Path.Combine(BestPracticeTestSupport.RulesData, parts[0], "context", parts[1]));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostics_match_markup(string name)
    {
        var (ruleId, directory) = Locate(name);
        var markup = Markup.Parse(File.ReadAllText(Path.Combine(directory, "Dockerfile")));
        var document = DockerfileDocument.Create(markup.Text, "Dockerfile", new DirectoryBuildContext(directory));
        BestPracticeTestSupport.AssertMatchesMarkup(markup, RuleCatalog.Driver.Analyze(document, AnalysisConfiguration.Default), ruleId);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Fix_all_edits_the_dockerfile_and_the_context_and_silences_the_rule(string name)
    {
        var (ruleId, directory) = Locate(name);
        var markup = Markup.Parse(File.ReadAllText(Path.Combine(directory, "Dockerfile")));
        var context = new DirectoryBuildContext(directory);
        var document = DockerfileDocument.Create(markup.Text, "Dockerfile", context);
        var diagnostics = RuleCatalog.Driver.Analyze(document, AnalysisConfiguration.Default);
        if (!diagnostics.Any(d => d.Id == ruleId)) return;

        var result = await RuleCatalog.FixAllService.FixAllAsync(document, diagnostics, ruleId);
        Assert.Empty(result.ConflictingDiagnostics);
        var fixedText = result.Changes.ApplyTo(document.Text).ToString();
        var expectedDockerfile = Path.Combine(directory, "Dockerfile.fixed");
        if (fixedText != markup.Text || File.Exists(expectedDockerfile)) BestPracticeTestSupport.CompareOrUpdate(expectedDockerfile, fixedText);

        context.Apply(result.Changes.FileEdits);
        var ignoreEdit = result.Changes.FileEdits.FirstOrDefault(e => e.RelativePath.EndsWith(".dockerignore", StringComparison.Ordinal));
        var expectedIgnore = Path.Combine(directory, "expected.dockerignore");
        if (ignoreEdit is not null || File.Exists(expectedIgnore))
        {
            BestPracticeTestSupport.CompareOrUpdate(expectedIgnore, context.ReadAllText(ignoreEdit?.RelativePath ?? ".dockerignore") ?? string.Empty);
        }

        var after = DockerfileDocument.Create(fixedText, "Dockerfile", context);
        Assert.False(after.SyntaxTree.HasErrors, "The fixed Dockerfile does not parse:\n" + fixedText);
        var fixable = RuleCatalog.Driver.Analyze(after, AnalysisConfiguration.Default).Where(d => d.Id == ruleId && RuleCatalog.CodeFixService.GetFixes(after, d).Any());
        Assert.Empty(fixable);
    }
}
