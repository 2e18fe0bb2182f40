using DockerLsp.Cli.Tests.Infrastructure;
using Xunit;

namespace DockerLsp.Cli.Tests.Check;

/// <summary><c>check</c> exit codes (0 clean, 1 findings at the threshold, 2 usage/IO/config errors), inputs (stdin, directories) and configuration.</summary>
public sealed class CheckExitCodeTests : IDisposable
{
    private const string WarningOnly = "FROM alpine:3.20\nUSER 1000\nCMD echo hi\n";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Threshold_decides_what_fails()
    {
        var path = _temp.Write("Dockerfile", WarningOnly);
        Assert.Equal(0, CliRunner.Run("check", "--no-config", path).ExitCode);
        Assert.Equal(1, CliRunner.Run("check", "--no-config", "--severity-threshold", "warning", path).ExitCode);
        Assert.Equal(1, CliRunner.Run("check", "--no-config", "--severity", "DF201=error", path).ExitCode);
        Assert.Equal(0, CliRunner.Run("check", "--no-config", "-t", "warning", "--ignore", "DL3025", path).ExitCode);
    }

    [Fact]
    public void Hadolint_failure_threshold_is_the_default_threshold()
    {
        _temp.Write(".hadolint.yaml", "failure-threshold: warning\n");
        var path = _temp.Write("Dockerfile", WarningOnly);
        Assert.Equal(1, CliRunner.Run("check", path).ExitCode);
        Assert.Equal(0, CliRunner.Run("check", "-t", "error", path).ExitCode);
    }

    [Fact]
    public void Configuration_files_are_found_and_layered()
    {
        _temp.Write(".hadolint.yaml", "ignored: [DL3025]\n");
        var path = _temp.Write("app/Dockerfile", WarningOnly + "MAINTAINER me\n");
        var result = CliRunner.Run("check", path);
        Assert.DoesNotContain("DF201", result.StandardOutput);
        Assert.Contains("DF504", result.StandardOutput);

        _temp.Write("app/.editorconfig", "[Dockerfile]\ndockerlsp_diagnostic.DF201.severity = error\ndockerlsp_analyzer_diagnostic.category-Maintainability.severity = none\n");
        result = CliRunner.Run("check", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error[DF201]", result.StandardOutput);
        Assert.DoesNotContain("DF504", result.StandardOutput);
    }

    [Fact]
    public void A_malformed_configuration_is_reported_and_exits_two_but_checking_still_happens()
    {
        var config = _temp.Write(".hadolint.yaml", "ignored:\n  - DL3025\nfailure-threshold: [\n");
        var path = _temp.Write("Dockerfile", WarningOnly);
        var result = CliRunner.Run("check", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"dockerlsp: configuration: {config}:", result.StandardError);
        Assert.Contains("DF201", result.StandardOutput); // nothing was silently turned off
    }

    [Fact]
    public void Unknown_rule_codes_in_configuration_are_warnings()
    {
        _temp.Write(".hadolint.yaml", "ignored: [SC2086]\n");
        var path = _temp.Write("Dockerfile", WarningOnly);
        var result = CliRunner.Run("check", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("SC2086", result.StandardError);
    }

    [Fact]
    public void Missing_and_unreadable_files_exit_two_and_the_others_are_still_checked()
    {
        var good = _temp.Write("Dockerfile", WarningOnly);
        var result = CliRunner.Run("check", "--no-config", Path.Combine(_temp.Path, "nope"), good);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no such file or directory", result.StandardError);
        Assert.Contains("DF201", result.StandardOutput);

        var console = new TestConsole { ReadFailure = new UnauthorizedAccessException("denied") };
        var denied = CliRunner.Run(console, "check", "--no-config", good);
        Assert.Equal(2, denied.ExitCode);
        Assert.Contains("permission denied", denied.StandardError);
    }

    [Fact]
    public void Standard_input_is_read_with_dash()
    {
        var result = CliRunner.RunWithInput("FROM alpine:3.20\nFORM x\n", "check", "--no-config", "-");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("<stdin>:2:1: error[DF101]", result.StandardOutput);
    }

    [Fact]
    public void Directories_are_searched_for_dockerfiles()
    {
        _temp.Write("Dockerfile", WarningOnly);
        _temp.Write("services/api.Dockerfile", WarningOnly);
        _temp.Write("services/Dockerfile.prod", WarningOnly);
        _temp.Write("services/README.md", "not a Dockerfile");
        _temp.Write("node_modules/pkg/Dockerfile", "FORM broken\n");
        _temp.Write(".git/Dockerfile", "FORM broken\n");
        var result = CliRunner.Run("check", "--no-config", "-f", "json", _temp.Path);
        Assert.Equal(0, result.ExitCode);
        var files = System.Text.Json.JsonDocument.Parse(result.StandardOutput).RootElement.EnumerateArray().Select(f => Path.GetRelativePath(_temp.Path, f.GetProperty("file").GetString()!)).Distinct().Order().ToArray();
        Assert.Equal(["Dockerfile", "services/Dockerfile.prod", "services/api.Dockerfile"], files);
    }

    [Fact]
    public void Symbolic_links_to_directories_are_not_followed()
    {
        // A link back up the tree (common in monorepos and node_modules) made every Dockerfile appear once per level until the
        // path grew too long; a directory named on the command line is still searched even when it is a link.
        _temp.Write("app/Dockerfile", WarningOnly);
        Directory.CreateSymbolicLink(Path.Combine(_temp.Path, "app", "loop"), _temp.Path);
        var result = CliRunner.Run("check", "--no-config", "-f", "json", _temp.Path);
        var files = System.Text.Json.JsonDocument.Parse(result.StandardOutput).RootElement.EnumerateArray().Select(f => Path.GetRelativePath(_temp.Path, f.GetProperty("file").GetString()!)).Distinct().ToArray();
        Assert.Equal(["app/Dockerfile"], files);
        var named = CliRunner.Run("check", "--no-config", "-f", "json", Path.Combine(_temp.Path, "app", "loop"));
        Assert.Contains("app", named.StandardOutput);
    }

    [Fact]
    public void Usage_errors_exit_two()
    {
        Assert.Equal(2, CliRunner.Run("check", "--format", "yaml").ExitCode);
        Assert.Equal(2, CliRunner.Run("check", "--severity", "DF201").ExitCode);
        Assert.Equal(2, CliRunner.Run("check", "--severity", "category-Nope=error").ExitCode);
    }
}
