using CsCheck;
using DockerLsp.Analysis;
using Xunit;

namespace DockerLsp.Analysis.Tests.Configuration;

/// <summary>
/// Property: whatever a <c>.hadolint.yaml</c> or <c>.editorconfig</c> holds (the language server re-reads them as they are
/// edited, half-typed), reading it returns a configuration, with problems where the text is wrong, and never throws.
/// </summary>
public sealed class ConfigurationRobustnessTests
{
    private static readonly DiagnosticDescriptor Probe = new("DF201", "t", "m", DiagnosticCategory.Correctness, DiagnosticSeverity.Warning, hadolintIds: ["DL3025"]);

    private static readonly string[] s_yamlPieces =
    [
        "ignored:", "override:", "error:", "warning:", "info:", "style:", "failure-threshold:", "trustedRegistries:", "  - ", "- ",
        "DL3025", "DF201", "[", "]", "{", "}", ",", ":", " ", "\n", "\t", "\"", "'", "&a ", "*a", "!!str ", "!!map ", "? ", "|", ">",
        "---\n", "...\n", "#", "%YAML 1.2\n", "\r\n", "\0", "é", "\U0001F433", "\ud83d", "1e9", "null", "~", "true", "<<: *a\n",
    ];

    private static readonly string[] s_editorConfigPieces =
    [
        "root = true\n", "[*]", "[Dockerfile]", "[{a,b}]", "[**/Dockerfile*]", "[*.{", "[", "]", "{", "}", "..", "\\", "dockerlsp.", "DF201",
        "dockerlsp_rule_DF201", "dockerlsp.severity.DF201", " = ", "=", "error", "warning", "none", "suggestion", "silent", ";", "#",
        "\n", "\r\n", " ", "\t", "[[", "]]", "!", "?", "*", "**", "{1..5}", "{-3..x}", "é", "\ud83d",
    ];

    private static Gen<string> TextOf(string[] pieces) =>
        Gen.OneOf(Gen.Int[0, pieces.Length - 1].Array[0, 40].Select(indexes => string.Concat(indexes.Select(i => pieces[i]))), Gen.String);

    [Fact]
    public void AnyHadolintYamlReadsWithoutThrowing() =>
        TextOf(s_yamlPieces).Sample(text =>
        {
            var configuration = AnalysisConfiguration.FromHadolintYaml(text, "/w/.hadolint.yaml");
            _ = configuration.GetSeverity(Probe);
        }, iter: 3000);

    [Theory]
    [InlineData("...\nstyle:\n")]
    [InlineData("...\nwarning:,")]
    public void YamlAfterADocumentEndMarkerIsAProblem(string text)
    {
        var configuration = AnalysisConfiguration.FromHadolintYaml(text, "/w/.hadolint.yaml");
        Assert.Contains(configuration.Problems, problem => problem.Message.StartsWith("Invalid YAML", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ignored: ", "[", "]")]
    [InlineData("ignored: ", "{a: ", "}")]
    [InlineData("", "- ", "")]
    public void DeeplyNestedYamlIsAProblemNotAStackOverflow(string prefix, string open, string close)
    {
        // 100,000 levels overflowed the stack inside YamlDotNet's representation model, which ends the process.
        var text = prefix + string.Concat(Enumerable.Repeat(open, 100_000)) + "x" + string.Concat(Enumerable.Repeat(close, 100_000));
        var configuration = AnalysisConfiguration.FromHadolintYaml(text, "/w/.hadolint.yaml");
        Assert.Contains(configuration.Problems, problem => problem.Message.Contains("nested more than", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("[{1..2000000000}]\ndockerlsp_diagnostic.DF201.severity = none\n", false)]
    [InlineData("[{-2000000000..2000000000}]\ndockerlsp_diagnostic.DF201.severity = none\n", false)]
    [InlineData("[*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b]\ndockerlsp_diagnostic.DF201.severity = none\n", false)]
    [InlineData("NESTED", true)]
    public void HostileEditorConfigSectionsReadPromptly(string text, bool tooComplex)
    {
        // Enumerating a two-billion range took minutes, and 100,000 nested braces overflowed the stack (ending the process).
        if (text == "NESTED") text = "[" + new string('{', 100_000) + "a" + new string('}', 100_000) + "]\ndockerlsp_diagnostic.DF201.severity = none\n";
        var configuration = AnalysisConfiguration.FromEditorConfig(text, "/w/.editorconfig", "/w/sub/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa");
        Assert.Equal(DiagnosticSeverity.Warning, configuration.GetSeverity(Probe)); // the section did not apply
        Assert.Equal(tooComplex, configuration.Problems.Any(problem => problem.Message.Contains("too complex", StringComparison.Ordinal)));
    }

    [Fact]
    public void AnyEditorConfigReadsWithoutThrowing() =>
        TextOf(s_editorConfigPieces).Sample(text =>
        {
            var configuration = AnalysisConfiguration.FromEditorConfig(text, "/w/.editorconfig", "/w/sub/Dockerfile");
            _ = configuration.GetSeverity(Probe);
        }, iter: 3000);
}
