using DockerLsp.Cli.Tests.Infrastructure;
using Xunit;

namespace DockerLsp.Cli.Tests.Check;

/// <summary>The real executable's exit codes for check, as a CI job sees them.</summary>
public sealed class CheckProcessTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Exit_codes_of_the_real_process()
    {
        var clean = _temp.Write("clean/Dockerfile", "FROM alpine:3.20\nUSER 1000\n");
        var broken = _temp.Write("broken/Dockerfile", "FROM alpine:3.20\nFORM x\n");
        Assert.Equal(0, Apphost.Run(null, "check", "--no-config", clean).ExitCode);
        var failing = Apphost.Run(null, "check", "--no-config", "-f", "github", broken);
        Assert.Equal(1, failing.ExitCode);
        Assert.Contains("::error file=", failing.StandardOutput);
        Assert.Equal(2, Apphost.Run(null, "check", Path.Combine(_temp.Path, "missing")).ExitCode);
        Assert.Equal(1, Apphost.Run("FROM alpine:3.20\nFORM x\n", "check", "--no-config", "-").ExitCode);
    }
}
