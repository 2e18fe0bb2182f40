using DockerLsp.Cli.Tests.Infrastructure;
using Xunit;

namespace DockerLsp.Cli.Tests.Parse;

/// <summary>The real <c>dockerlsp</c> executable, run as a process: exit codes and streams as a shell sees them.</summary>
public class ApphostTests
{
    [Fact]
    public void ValidSampleExitsZero()
    {
        var result = Apphost.Run(null, "parse", ParseTextFormatTests.SamplePath());
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("(arg \"NODE_VERSION=20.18.1\")\n(from ", result.StandardOutput);
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public void SyntaxErrorOnStandardInputExitsOne()
    {
        var result = Apphost.Run("FROM alpine\nFORM x\n", "parse", "-", "--format", "json");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("\"id\":\"DF101\"", result.StandardOutput);
    }

    [Fact]
    public void MissingFileExitsTwo()
    {
        var result = Apphost.Run(null, "parse", "/no/such/Dockerfile");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("dockerlsp: cannot read '/no/such/Dockerfile': no such file or directory\n", result.StandardError);
    }
}
