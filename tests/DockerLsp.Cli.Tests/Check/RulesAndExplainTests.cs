using System.Text.Json;
using DockerLsp.Cli.Tests.Infrastructure;
using Xunit;

namespace DockerLsp.Cli.Tests.Check;

/// <summary><c>rules</c> in its three formats and <c>explain</c> (embedded pages, aliases, unknown rules).</summary>
public sealed class RulesAndExplainTests
{
    [Fact]
    public void Rules_lists_every_rule()
    {
        var text = CliRunner.Run("rules");
        Assert.Equal(0, text.ExitCode);
        Assert.Contains("DF201  warning  Correctness     fix  Use exec form for CMD and ENTRYPOINT  (DL3025, JSONArgsRecommended)", text.StandardOutput);
        Assert.Contains("DF112  off", text.StandardOutput);

        var json = JsonDocument.Parse(CliRunner.Run("rules", "--format", "json").StandardOutput).RootElement;
        var df201 = json.EnumerateArray().Single(r => r.GetProperty("id").GetString() == "DF201");
        Assert.True(df201.GetProperty("fixable").GetBoolean());
        Assert.Equal("JSONArgsRecommended", df201.GetProperty("buildkit")[0].GetString());

        Assert.Contains("| [DF504](rules/DF504.md) | MAINTAINER is deprecated |", CliRunner.Run("rules", "-f", "markdown").StandardOutput);
    }

    [Theory]
    [InlineData("DF201")]
    [InlineData("df201")]
    [InlineData("DL3025")]
    [InlineData("JSONArgsRecommended")]
    public void Explain_prints_the_embedded_page(string rule)
    {
        var result = CliRunner.Run("explain", rule);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("# DF201: Use exec form for CMD and ENTRYPOINT\n", result.StandardOutput);
    }

    [Fact]
    public void Explain_of_an_unknown_rule_exits_two()
    {
        var result = CliRunner.Run("explain", "DF999");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown rule 'DF999'", result.StandardError);
    }
}
