using DockerLsp.Cli.Tests.Infrastructure;
using Xunit;

namespace DockerLsp.Cli.Tests.Check;

/// <summary><c>check</c>'s default text output: compiler-style lines, source with caret underline, fix hints, summary; no colour when redirected.</summary>
public sealed class CheckTextFormatTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Findings_read_like_a_compiler()
    {
        var path = _temp.Write("Dockerfile", "FROM nginx:1.27\nCMD nginx -g \"daemon off;\"\nUSER nginx\n");
        var result = CliRunner.Run("check", "--no-config", path);
        Assert.Equal(0, result.ExitCode);
        var lines = result.StandardOutput.Split('\n');
        Assert.StartsWith($"{path}:2:5: warning[DF201]: CMD in shell form", lines[0]);
        Assert.Equal("2 | CMD nginx -g \"daemon off;\"", lines[1]);
        Assert.Equal("  |     ^" + new string('~', "nginx -g \"daemon off;\"".Length - 1), lines[2]);
        Assert.Equal("  = fix: Convert to exec form: CMD [\"nginx\", \"-g\", \"daemon off;\"] (dockerlsp fix --rule DF201)", lines[3]);
        Assert.Contains("0 errors, 1 warning, 0 infos in 1 file; 1 fixable with 'dockerlsp fix'.", result.StandardOutput);
        Assert.DoesNotContain("\u001b[", result.StandardOutput);
    }

    [Fact]
    public void A_clean_file_says_so()
    {
        var path = _temp.Write("Dockerfile", "FROM alpine:3.20\nUSER 1000\nCMD [\"true\"]\n");
        var result = CliRunner.Run("check", "--no-config", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("No problems found in 1 file.\n", result.StandardOutput);
    }

    [Fact]
    public void Parse_errors_are_findings_with_exit_code_one()
    {
        var path = _temp.Write("Dockerfile", "FROM alpine:3.20\nFORM x\n");
        var result = CliRunner.Run("check", "--no-config", path);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{path}:2:1: error[DF101]:", result.StandardOutput);
    }
}
