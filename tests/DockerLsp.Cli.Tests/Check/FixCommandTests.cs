using DockerLsp.Cli.Tests.Infrastructure;
using Xunit;

namespace DockerLsp.Cli.Tests.Check;

/// <summary><c>fix</c>: writes fixes, <c>--dry-run</c> prints a unified diff and changes nothing, <c>--rule</c> filters, stdin goes to stdout.</summary>
public sealed class FixCommandTests : IDisposable
{
    private const string Flawed = "FROM alpine:3.20\nMAINTAINER Jane <j@x.org>\nENV APP_HOME /app\nCMD echo hi\n";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Fix_writes_the_fixes_of_every_selected_rule()
    {
        var path = _temp.Write("Dockerfile", Flawed);
        var result = CliRunner.Run("fix", "--no-config", "--rule", "DF201", "--rule", "DL4000", "--rule", "LegacyKeyValueFormat", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("FROM alpine:3.20\nLABEL org.opencontainers.image.authors=\"Jane <j@x.org>\"\nENV APP_HOME=/app\nCMD [\"echo\", \"hi\"]\n", File.ReadAllText(path));
        Assert.Contains("fixed 3 problems", result.StandardError);
    }

    [Fact]
    public void Rule_filter_limits_the_fixes()
    {
        var path = _temp.Write("Dockerfile", Flawed);
        Assert.Equal(0, CliRunner.Run("fix", "--no-config", "--rule", "DL3025", path).ExitCode);
        Assert.Equal(Flawed.Replace("CMD echo hi", "CMD [\"echo\", \"hi\"]", StringComparison.Ordinal), File.ReadAllText(path));
        Assert.Equal(2, CliRunner.Run("fix", "--rule", "DF999", path).ExitCode);
    }

    [Fact]
    public void Dry_run_prints_a_diff_and_changes_nothing()
    {
        var path = _temp.Write("Dockerfile", Flawed);
        var result = CliRunner.Run("fix", "--no-config", "--dry-run", "--rule", "DF201", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(Flawed, File.ReadAllText(path));
        Assert.Equal($"--- a/{path}\n+++ b/{path}\n@@ -1,4 +1,4 @@\n FROM alpine:3.20\n MAINTAINER Jane <j@x.org>\n ENV APP_HOME /app\n-CMD echo hi\n+CMD [\"echo\", \"hi\"]\n", result.StandardOutput);
        Assert.Equal(0, CliRunner.Run("fix", "--no-config", "--dry-run", "--rule", "DF201", _temp.Write("Clean.Dockerfile", "FROM alpine:3.20\n")).ExitCode);
    }

    [Fact]
    public void Standard_input_is_fixed_to_standard_output()
    {
        // Only the casing rule, so that the expectation does not depend on which other rules (DF301 chaining) exist.
        var result = CliRunner.RunWithInput("FROM alpine:3.20\nrun true\nRUN false\n", "fix", "--no-config", "--rule", "DF601", "-");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("FROM alpine:3.20\nRUN true\nRUN false\n", result.StandardOutput);
    }
}
