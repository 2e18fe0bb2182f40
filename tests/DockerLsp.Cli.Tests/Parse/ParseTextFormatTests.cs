using System.Text;
using DockerLsp.Cli.Tests.Infrastructure;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Printing;
using DockerLsp.Syntax.Text;
using DockerLsp.TestUtilities;
using Xunit;

namespace DockerLsp.Cli.Tests.Parse;

/// <summary><c>parse --format buildkit</c> (the default) and <c>--format tree</c>: what lands on stdout.</summary>
public class ParseTextFormatTests
{
    [Theory]
    [InlineData("docker")]
    [InlineData("json")]
    [InlineData("flags")]
    [InlineData("escape-with-syntax")]
    public void BuildKitFormatEqualsBuildKitsOwnDump(string name)
    {
        var dir = Path.Combine(Corpus.BuildKitParser, "testfiles", name);
        var expected = File.ReadAllText(Path.Combine(dir, "result")).Replace("\r\n", "\n");

        var result = CliRunner.Run("parse", Path.Combine(dir, "Dockerfile"), "--format", "buildkit");

        Assert.Equal(expected, result.StandardOutput);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void DefaultFormatIsBuildKit()
    {
        var dir = Path.Combine(Corpus.BuildKitParser, "testfiles", "docker");
        var explicitFormat = CliRunner.Run("parse", Path.Combine(dir, "Dockerfile"), "--format", "buildkit");
        var defaultFormat = CliRunner.Run("parse", Path.Combine(dir, "Dockerfile"));
        Assert.Equal(explicitFormat.StandardOutput, defaultFormat.StandardOutput);
    }

    [Fact]
    public void TreeFormatPrintsTheFullFidelityTree()
    {
        var path = SamplePath();
        var expected = TreePrinter.Print(SyntaxTree.Parse(SourceText.FromUtf8(File.ReadAllBytes(path))).Root);

        var result = CliRunner.Run("parse", path, "-f", "tree");

        Assert.Equal(expected, result.StandardOutput);
        Assert.Contains("HeredocBodyToken", result.StandardOutput);
        Assert.Equal("", result.StandardError);
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void OutputIsUtf8WithoutByteOrderMark()
    {
        var result = CliRunner.RunWithInput("FROM alpine\nLABEL author=\"Zoë\"\n", "parse", "-");
        Assert.Equal("(from \"alpine\")\n(label \"author\" \"\\\"Zoë\\\"\" \"=\")\n", result.StandardOutput);
        Assert.False(result.StandardOutputBytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
    }

    internal static string SamplePath() => Path.Combine(Corpus.RepoRoot, "docs", "samples", "Dockerfile");
}
