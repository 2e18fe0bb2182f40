using System.Runtime.Versioning;
using System.Text;
using DockerLsp.Cli.Tests.Infrastructure;
using Xunit;

namespace DockerLsp.Cli.Tests.Parse;

/// <summary>
/// <c>parse</c> exit codes: 0 without error diagnostics, 1 with them (printed to stderr as <c>path:line:col:</c>),
/// 2 when the input cannot be read or the command line is wrong.
/// </summary>
public sealed class ParseExitCodeTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("dockerlsp-parse-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ValidFileExitsZeroWithNothingOnStderr()
    {
        var path = Write("Dockerfile", "FROM alpine\nRUN echo hi\n");
        var result = CliRunner.Run("parse", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("(from \"alpine\")\n(run \"echo hi\")\n", result.StandardOutput);
        Assert.Equal("", result.StandardError);
    }

    [Theory]
    [InlineData("buildkit")]
    [InlineData("tree")]
    public void SyntaxErrorExitsOneAndIsPrintedWithItsPosition(string format)
    {
        var path = Write("Dockerfile", "FROM alpine\n\n  FORM x\n");
        var result = CliRunner.Run("parse", path, "--format", format);
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"{path}:3:3: error[DF101]: Unknown instruction 'FORM'.", result.StandardError);
        Assert.NotEqual("", result.StandardOutput);
    }

    [Fact]
    public void WarningsArePrintedButExitZero()
    {
        // An empty line inside a continuation: BuildKit accepts it with a warning.
        var path = Write("Dockerfile", "FROM alpine\nRUN echo a \\\n\n  b\n");
        var result = CliRunner.Run("parse", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{path}:3:1: warning[DF112]:", result.StandardError);
    }

    [Fact]
    public void DashReadsStandardInputAsBytes()
    {
        var console = new TestConsole([.. Encoding.UTF8.Preamble, .. "FROM alpine\r\nFORM x\r\n"u8]);
        var result = CliRunner.Run(console, "parse", "-", "--format", "tree");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ByteOrderMarkTrivia", result.StandardOutput);
        Assert.StartsWith("<stdin>:2:1: error[DF101]:", result.StandardError);
    }

    [Fact]
    public void MissingFileExitsTwo()
    {
        var path = Path.Combine(_directory, "no-such-Dockerfile");
        var result = CliRunner.Run("parse", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"dockerlsp: cannot read '{path}': no such file or directory\n", result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public void MissingParentDirectoryExitsTwo()
    {
        var path = Path.Combine(_directory, "no-such-dir", "Dockerfile");
        var result = CliRunner.Run("parse", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("no such file or directory", result.StandardError);
    }

    [Fact]
    public void DirectoryExitsTwo()
    {
        var result = CliRunner.Run("parse", _directory);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"dockerlsp: cannot read '{_directory}': it is a directory\n", result.StandardError);
    }

    [Fact]
    public void PermissionDeniedExitsTwo()
    {
        // Injected, because the tests run as root, and root reads a chmod 000 file; the real-file variant is below.
        var path = Write("Dockerfile", "FROM alpine\n");
        var console = new TestConsole { ReadFailure = new UnauthorizedAccessException("Access to the path is denied.") };
        var result = CliRunner.Run(console, "parse", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"dockerlsp: cannot read '{path}': permission denied\n", result.StandardError);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public void UnreadableFileOnDiskExitsTwo()
    {
        // A real file that even root cannot read: reading a process's own /proc/self/mem at offset 0 fails with EIO.
        // (chmod 000 would not do: tests run as root in CI, and root reads such files.)
        var result = CliRunner.Run("parse", "/proc/self/mem");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("cannot read '/proc/self/mem'", result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public void OtherIOErrorsExitTwoWithTheirMessage()
    {
        var path = Write("Dockerfile", "FROM alpine\n");
        var console = new TestConsole { ReadFailure = new IOException("Input/output error") };
        var result = CliRunner.Run(console, "parse", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Equal($"dockerlsp: cannot read '{path}': Input/output error\n", result.StandardError);
    }

    [Theory]
    [InlineData("parse")]
    [InlineData("parse", "a", "b")]
    [InlineData("parse", "Dockerfile", "--format", "yaml")]
    [InlineData("parse", "Dockerfile", "--no-such-option")]
    public void BadCommandLinesExitTwo(params string[] args)
    {
        var result = CliRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("Run 'dockerlsp --help' for usage.", result.StandardError);
        Assert.Equal("", result.StandardOutput);
    }

    [Fact]
    public void EmptyPathExitsTwo()
    {
        var result = CliRunner.Run("parse", "");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("a file path (or - for standard input) is required", result.StandardError);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }
}
