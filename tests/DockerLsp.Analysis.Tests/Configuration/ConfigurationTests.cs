using DockerLsp.Analysis;
using Xunit;

namespace DockerLsp.Analysis.Tests.Configuration;

/// <summary>Reading .hadolint.yaml and .editorconfig, problem reporting, and the precedence of layers.</summary>
public sealed class ConfigurationTests
{
    private static readonly DiagnosticDescriptor ShellForm = new("DF201", "t", "m", DiagnosticCategory.Correctness, DiagnosticSeverity.Warning, hadolintIds: ["DL3025"], buildKitNames: ["JSONArgsRecommended"]);
    private static readonly DiagnosticDescriptor Secret = new("DF402", "t", "m", DiagnosticCategory.Security, DiagnosticSeverity.Warning, hadolintIds: ["DL3064"]);
    private static readonly DiagnosticDescriptor Casing = new("DF601", "t", "m", DiagnosticCategory.Style, DiagnosticSeverity.Info);

    [Fact]
    public void Hadolint_ignored_and_override_apply_through_aliases()
    {
        var config = AnalysisConfiguration.FromHadolintYaml("""
            ignored:
              - DL3025
            override:
              error: [DL3064]
              info: [DL3064]
            failure-threshold: warning
            trustedRegistries: [docker.io, "*.example.com"]
            """, ".hadolint.yaml");
        Assert.Empty(config.Problems);
        Assert.Null(config.GetSeverity(ShellForm));
        Assert.Equal(DiagnosticSeverity.Error, config.GetSeverity(Secret)); // error wins, as in hadolint
        Assert.Equal(DiagnosticSeverity.Warning, config.FailureThreshold);
        Assert.Equal(new[] { "docker.io", "*.example.com" }, config.TrustedRegistries.ToArray());
        Assert.Equal(DiagnosticSeverity.Info, config.GetSeverity(Casing));
    }

    [Fact]
    public void Malformed_hadolint_yaml_is_reported_with_file_and_line_and_turns_nothing_off()
    {
        var config = AnalysisConfiguration.FromHadolintYaml("ignored:\n  - DL3025\noverride: [oops\n", "/repo/.hadolint.yaml");
        var problem = Assert.Single(config.Problems);
        Assert.Equal("/repo/.hadolint.yaml", problem.Path);
        Assert.Equal(ConfigurationProblemSeverity.Error, problem.Severity);
        Assert.True(problem.Line >= 3);
        Assert.Equal(DiagnosticSeverity.Warning, config.GetSeverity(ShellForm));
    }

    [Fact]
    public void Bad_values_are_problems_but_the_rest_of_the_file_applies()
    {
        var config = AnalysisConfiguration.FromHadolintYaml("override:\n  fatal: [DL3025]\nfailure-threshold: sometimes\nmystery: 1\nignored: [DL3064]\n", "h.yaml");
        Assert.Equal([2, 3, 4], config.Problems.Select(p => p.Line).Order());
        Assert.Equal(ConfigurationProblemSeverity.Warning, config.Problems.Single(p => p.Line == 4).Severity);
        Assert.Null(config.GetSeverity(Secret));
    }

    [Fact]
    public void Unknown_rule_codes_are_reported_by_validation()
    {
        var config = AnalysisConfiguration.FromHadolintYaml("ignored: [DL3025, SC2086]\n", "h.yaml");
        var problem = Assert.Single(config.ValidateRuleCodes([ShellForm, Secret]));
        Assert.Contains("SC2086", problem.Message);
        Assert.Equal(1, problem.Line);
    }

    [Fact]
    public void EditorConfig_sections_matching_the_Dockerfile_apply()
    {
        const string text = """
            root = true
            [*.cs]
            dockerlsp_diagnostic.DF402.severity = none
            [{Dockerfile,*.Dockerfile}]
            dockerlsp_diagnostic.DF201.severity = none   # comment
            dockerlsp_analyzer_diagnostic.category-Security.severity = error
            [docker/**/Dockerfile.*]
            dockerlsp_diagnostic.DF601.severity = warning
            """;
        var root = AnalysisConfiguration.FromEditorConfig(text, "/repo/.editorconfig", "/repo/src/Dockerfile");
        Assert.Empty(root.Problems);
        Assert.Null(root.GetSeverity(ShellForm));
        Assert.Equal(DiagnosticSeverity.Error, root.GetSeverity(Secret));
        Assert.Equal(DiagnosticSeverity.Info, root.GetSeverity(Casing));

        var nested = AnalysisConfiguration.FromEditorConfig(text, "/repo/.editorconfig", "/repo/docker/a/b/Dockerfile.prod");
        Assert.Equal(DiagnosticSeverity.Warning, nested.GetSeverity(Casing));
        Assert.Equal(DiagnosticSeverity.Warning, nested.GetSeverity(ShellForm));
    }

    [Fact]
    public void EditorConfig_problems_name_the_line()
    {
        var config = AnalysisConfiguration.FromEditorConfig("[Dockerfile]\ndockerlsp_diagnostic.DF201.severity = loud\ndockerlsp_analyzer_diagnostic.category-Nope.severity = error\n[broken\n", "/x/.editorconfig", "/x/Dockerfile");
        Assert.Equal([2, 3, 4], config.Problems.Select(p => p.Line));
        Assert.Equal(DiagnosticSeverity.Warning, config.GetSeverity(ShellForm));
    }

    [Fact]
    public void Layers_apply_in_increasing_precedence_and_rules_beat_categories()
    {
        var hadolint = AnalysisConfiguration.FromHadolintYaml("override:\n  error: [DL3025]\n", "h.yaml");
        var editorConfig = AnalysisConfiguration.FromEditorConfig("[Dockerfile]\ndockerlsp_diagnostic.DF201.severity = info\ndockerlsp_analyzer_diagnostic.category-Correctness.severity = none\n", "/.editorconfig", "/Dockerfile");
        var explicitSettings = AnalysisConfiguration.Default.WithRuleSeverity("DF201", RuleSeverity.Hint);

        Assert.Equal(DiagnosticSeverity.Error, hadolint.GetSeverity(ShellForm));
        Assert.Equal(DiagnosticSeverity.Info, AnalysisConfiguration.Combine(hadolint, editorConfig).GetSeverity(ShellForm));
        Assert.Equal(DiagnosticSeverity.Hint, AnalysisConfiguration.Combine(hadolint, editorConfig, explicitSettings).GetSeverity(ShellForm));

        // The category setting (a higher layer) does not override a rule-specific one (a lower layer).
        var categoryOnly = AnalysisConfiguration.FromEditorConfig("[Dockerfile]\ndockerlsp_analyzer_diagnostic.category-Correctness.severity = none\n", "/.editorconfig", "/Dockerfile");
        Assert.Equal(DiagnosticSeverity.Error, AnalysisConfiguration.Combine(hadolint, categoryOnly).GetSeverity(ShellForm));
        Assert.Null(categoryOnly.GetSeverity(ShellForm));
    }

    [Fact]
    public void Problems_accumulate_across_layers()
    {
        var a = AnalysisConfiguration.FromHadolintYaml("[", "a.yaml");
        var b = AnalysisConfiguration.FromEditorConfig("[Dockerfile]\ndockerlsp_diagnostic.X.severity = ???\n", "/.editorconfig", "/Dockerfile");
        var merged = AnalysisConfiguration.Combine(a, b);
        Assert.Equal(["a.yaml", "/.editorconfig"], merged.Problems.Select(p => p.Path));
        Assert.True(merged.HasErrors);
    }

    [Fact]
    public void Disable_ignore_pragma_is_read()
    {
        Assert.False(AnalysisConfiguration.FromHadolintYaml("disable-ignore-pragma: true\n", "h").InlineSuppressionsEnabled);
        Assert.True(AnalysisConfiguration.Default.InlineSuppressionsEnabled);
    }

    [Theory]
    [InlineData("*", "Dockerfile", true)]
    [InlineData("Dockerfile", "sub/Dockerfile", true)]
    [InlineData("*.Dockerfile", "api.Dockerfile", true)]
    [InlineData("{Dockerfile,Containerfile}", "Containerfile", true)]
    [InlineData("Dockerfile.[!t]*", "Dockerfile.prod", true)]
    [InlineData("Dockerfile.[!p]*", "Dockerfile.prod", false)]
    [InlineData("src/*/Dockerfile", "src/a/Dockerfile", true)]
    [InlineData("src/*/Dockerfile", "src/a/b/Dockerfile", false)]
    [InlineData("src/**/Dockerfile", "src/Dockerfile", true)]
    [InlineData("Dockerfile.{1..3}", "Dockerfile.2", true)]
    [InlineData("Dockerfile.{1..3}", "Dockerfile.4", false)]
    [InlineData("Dockerfile.{3..1}", "Dockerfile.1", true)]
    [InlineData("Dockerfile.{-5..5}", "Dockerfile.-3", true)]
    [InlineData("Dockerfile.{1..20}", "Dockerfile.07", false)]
    [InlineData("Dockerfile.{1..2000000000}", "Dockerfile.1999999999", true)]
    [InlineData("Dockerfile.{1..2000000000}.prod", "Dockerfile.12.prod", true)]
    [InlineData("Dockerfile.{1..2000000000}.prod", "Dockerfile.12.dev", false)]
    [InlineData("{1..9}{1..9}", "19", true)]
    [InlineData("*.cs", "Dockerfile", false)]
    public void EditorConfig_globs(string glob, string path, bool expected) =>
        Assert.Equal(expected, EditorConfigGlob.IsMatch(glob, path));
}
