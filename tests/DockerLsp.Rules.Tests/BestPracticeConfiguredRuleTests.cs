using DockerLsp.Analysis;
using DockerLsp.TestUtilities;
using Xunit;

namespace DockerLsp.Rules.Tests;

/// <summary>
/// Data tests for rules that are off by default (DF501): <c>TestData/rules/&lt;ID&gt;/enabled/*.Dockerfile</c> are analysed with the rule
/// turned on and compared with their markup. (The generic runner only reads the top folder, with the default configuration, where
/// these rules must stay silent.)
/// </summary>
public sealed class BestPracticeConfiguredRuleTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var directory in Directory.EnumerateDirectories(BestPracticeTestSupport.RulesData))
        {
            var enabled = Path.Combine(directory, "enabled");
            if (!Directory.Exists(enabled)) continue;
            foreach (var file in Directory.EnumerateFiles(enabled, "*.Dockerfile").Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetFileName(directory) + "/" + Path.GetFileName(file));
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Diagnostics_match_markup_when_enabled(string name)
    {
        var ruleId = name.Split('/')[0];
        var markup = Markup.Parse(File.ReadAllText(Path.Combine(BestPracticeTestSupport.RulesData, ruleId, "enabled", name.Split('/')[1])));
        var document = DockerfileDocument.Create(markup.Text, "Dockerfile");
        var configuration = AnalysisConfiguration.Default.WithRuleSeverity(ruleId, RuleSeverity.Info);
        BestPracticeTestSupport.AssertMatchesMarkup(markup, RuleCatalog.Driver.Analyze(document, configuration), ruleId);
    }

    [Fact]
    public void Pinning_rule_is_off_by_default_and_info_when_enabled()
    {
        var document = DockerfileDocument.Create("FROM python:3.12-slim\n", "Dockerfile");
        Assert.DoesNotContain(RuleCatalog.Driver.Analyze(document, AnalysisConfiguration.Default), d => d.Id == "DF501");
        var enabled = RuleCatalog.Driver.Analyze(document, BestPracticeTestSupport.WithPinningRule).Single(d => d.Id == "DF501");
        Assert.Equal(DiagnosticSeverity.Info, enabled.Severity);
    }
}
