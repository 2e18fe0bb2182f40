using System.Text;
using System.Text.Json;
using DockerLsp.Cli.Tests.Infrastructure;
using DockerLsp.TestUtilities;
using Xunit;

namespace DockerLsp.Cli.Tests.Parse;

/// <summary>
/// <c>parse --format json</c>: the document's shape, its lossless round trip (the texts concatenate to the input) and
/// its diagnostics.
/// </summary>
public class ParseJsonFormatTests
{
    /// <summary>BOM, CRLF line ends, a continuation, a comment inside it, a heredoc and no final newline, all at once.</summary>
    private const string CrlfBomHeredocSample =
        "\uFEFF# syntax=docker/dockerfile:1\r\n" +
        "FROM alpine:3.20 AS base\r\n" +
        "RUN apk add --no-cache \\\r\n" +
        "    # the tools\r\n" +
        "    curl \\\r\n" +
        "    git\r\n" +
        "RUN <<EOF\r\n" +
        "echo hello\r\n" +
        "EOF\r\n" +
        "CMD [\"sh\", \"-c\", \"echo \\\"done\\\"\"]";

    [Theory]
    [InlineData(CrlfBomHeredocSample)]
    [InlineData("")]
    [InlineData("FROM x\nRUN echo a \\\n\n  b\n")]
    [InlineData("FORM x\nRUN <<EOF\nnever ends\n")]
    [InlineData("# escape=`\nFROM mcr.microsoft.com/windows\nRUN dir `\n  C:\\\n")]
    public void ConcatenatedTextsReproduceTheInput(string text)
    {
        using var document = RunJson(Encoding.UTF8.GetBytes(text), out _);
        var root = document.RootElement.GetProperty("root");
        Assert.Equal(text, JsonTree.FullText(root));
        JsonTree.AssertSpansConsistent(root, 0);
    }

    [Fact]
    public void EveryRealWorldCorpusFileRoundTrips()
    {
        var count = 0;
        foreach (var path in Corpus.RealWorldFiles())
        {
            var bytes = File.ReadAllBytes(path);
            using var document = RunJson(bytes, out var exitCode);
            Assert.Equal(Encoding.UTF8.GetString(bytes), JsonTree.FullText(document.RootElement.GetProperty("root")));
            Assert.True(exitCode == 0, $"{Path.GetFileName(path)} exited {exitCode}");
            count++;
        }
        Assert.Equal(290, count);
    }

    [Fact]
    public void SampleDockerfileRoundTripsThroughAFile()
    {
        var path = ParseTextFormatTests.SamplePath();
        var result = CliRunner.Run("parse", path, "--format", "json");
        using var document = JsonDocument.Parse(result.StandardOutput);
        Assert.Equal(File.ReadAllText(path), JsonTree.FullText(document.RootElement.GetProperty("root")));
        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void DocumentHasTheDocumentedShape()
    {
        using var document = RunJson("FROM alpine AS base\n"u8.ToArray(), out _);
        var root = document.RootElement.GetProperty("root");
        Assert.Equal(0, document.RootElement.GetProperty("diagnostics").GetArrayLength());
        Assert.Equal("SourceFile", root.GetProperty("kind").GetString());
        Assert.Equal(0, root.GetProperty("start").GetInt32());
        Assert.Equal(20, root.GetProperty("length").GetInt32());

        var from = root.GetProperty("children")[0];
        Assert.Equal("FromInstruction", from.GetProperty("kind").GetString());
        var keyword = from.GetProperty("children")[0];
        Assert.Equal("KeywordToken", keyword.GetProperty("kind").GetString());
        Assert.Equal("FROM", keyword.GetProperty("text").GetString());
        Assert.Equal(0, keyword.GetProperty("leading").GetArrayLength());
        var space = Assert.Single(keyword.GetProperty("trailing").EnumerateArray());
        Assert.Equal("WhitespaceTrivia", space.GetProperty("kind").GetString());
        Assert.Equal(" ", space.GetProperty("text").GetString());

        var endOfFile = root.GetProperty("children")[1];
        Assert.Equal("EndOfFileToken", endOfFile.GetProperty("kind").GetString());
    }

    [Fact]
    public void ErrorsAreInTheDocumentAndStderrStaysEmpty()
    {
        var console = new TestConsole("FORM alpine\n"u8.ToArray());
        var result = CliRunner.Run(console, "parse", "-", "--format", "json");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.StandardError);
        using var document = JsonDocument.Parse(result.StandardOutput);
        var diagnostic = Assert.Single(document.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("DF101", diagnostic.GetProperty("id").GetString());
        Assert.Equal("error", diagnostic.GetProperty("severity").GetString());
        Assert.Contains("FORM", diagnostic.GetProperty("message").GetString());
        Assert.Equal(0, diagnostic.GetProperty("start").GetInt32());
        Assert.Equal(4, diagnostic.GetProperty("length").GetInt32());
    }

    [Fact]
    public void InvalidUtf8IsAWarningDiagnosticNotACrash()
    {
        byte[] bytes = [.. "FROM alpine\nLABEL x=\""u8, 0xC3, 0x28, .. "\"\n"u8];
        using var document = RunJson(bytes, out var exitCode);

        Assert.Equal(0, exitCode);
        var diagnostic = Assert.Single(document.RootElement.GetProperty("diagnostics").EnumerateArray());
        Assert.Equal("DF100", diagnostic.GetProperty("id").GetString());
        Assert.Equal("warning", diagnostic.GetProperty("severity").GetString());
        Assert.Contains('\uFFFD', JsonTree.FullText(document.RootElement.GetProperty("root")));
    }

    [Fact]
    public void MissingTokensAreMarked()
    {
        using var document = RunJson("FROM\n"u8.ToArray(), out _);
        Assert.Contains("\"missing\":true", document.RootElement.GetRawText());
    }

    private static JsonDocument RunJson(byte[] input, out int exitCode)
    {
        var result = CliRunner.Run(new TestConsole(input), "parse", "-", "--format", "json");
        exitCode = result.ExitCode;
        Assert.EndsWith("}\n", result.StandardOutput);
        return JsonDocument.Parse(result.StandardOutputBytes);
    }
}
