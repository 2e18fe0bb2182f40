using DockerLsp.Cli.Tests.Infrastructure;
using Xunit;

namespace DockerLsp.Cli.Tests.Parse;

/// <summary>The root command around <c>parse</c>: <c>--version</c>, <c>--help</c>, no command, and the bare <c>--stdio</c> hook.</summary>
public class TopLevelCommandLineTests
{
    [Fact]
    public void VersionPrintsTheVersionAndExitsZero()
    {
        var result = CliRunner.Run("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.StandardOutput);
    }

    [Fact]
    public void HelpListsTheParseCommand()
    {
        var result = CliRunner.Run("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("parse <file>", result.StandardOutput);
    }

    [Fact]
    public void ParseHelpListsTheFormats()
    {
        var result = CliRunner.Run("parse", "--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--format <buildkit|tree|json>", result.StandardOutput);
    }

    [Fact]
    public void NoCommandIsAUsageError()
    {
        var result = CliRunner.Run();
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Required command was not provided.", result.StandardError);
    }

    [Theory]
    [InlineData(new[] { "--stdio" }, new[] { "serve", "--stdio" })]
    [InlineData(new[] { "--stdio", "--log", "x" }, new[] { "serve", "--stdio", "--log", "x" })]
    [InlineData(new[] { "parse", "--stdio" }, new[] { "parse", "--stdio" })]
    [InlineData(new string[0], new string[0])]
    public void BareStdioMeansServe(string[] args, string[] expected) =>
        Assert.Equal(expected, Program.RewriteBareStdio(args));

    [Fact]
    public void BareStdioSelectsTheServeCommand()
    {
        var root = Program.CreateRootCommand(new TestConsole());
        var result = root.Parse(Program.RewriteBareStdio(["--stdio"]));
        Assert.Empty(result.Errors);
        Assert.Equal("serve", result.CommandResult.Command.Name);
    }

    [Theory]
    [InlineData(new[] { "serve", "--stdio" }, false)]
    [InlineData(new[] { "serve", "--no-warm-up", "--stdio" }, true)]
    public void ServeAcceptsNoWarmUp(string[] args, bool expected)
    {
        var root = Program.CreateRootCommand(new TestConsole());
        var result = root.Parse(args);
        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.GetValue<bool>("--no-warm-up"));
    }
}
