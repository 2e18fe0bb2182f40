using DockerLsp.Features.Hover;
using DockerLsp.Features.Workspace;

namespace DockerLsp.Features.Tests;

/// <summary>What hover says at each kind of position; the caret is marked with <c>$0</c> in the text.</summary>
public sealed class HoverServiceTests
{
    private static HoverInfo? Hover(string markup, HoverFormat format = HoverFormat.Markdown)
    {
        var position = markup.IndexOf("$0", StringComparison.Ordinal);
        var document = Document.Create("file:///t/Dockerfile", 1, markup.Replace("$0", string.Empty, StringComparison.Ordinal), isOpen: true);
        return new HoverService().GetHover(document, position, format, CancellationToken.None);
    }

    [Theory]
    [InlineData("FROM alpine\nR$0UN echo\n", "#run")]
    [InlineData("FROM alpine\nco$0py . .\n", "#copy")]
    [InlineData("FROM alpine\nHEALTHCHECK --interval=5s C$0MD true\n", "#healthcheck")]
    [InlineData("FROM alpine\nONBUILD R$0UN echo\n", "#run")]
    [InlineData("FROM alpine\nMAINT$0AINER me\n", "#maintainer-deprecated")]
    public void KeywordsLinkToTheirReferenceSection(string markup, string anchor)
    {
        var hover = Hover(markup);
        Assert.NotNull(hover);
        Assert.Contains("https://docs.docker.com/reference/dockerfile/" + anchor, hover.Text);
    }

    [Fact]
    public void KeywordHoverHasFormsFlagsExampleAndAdvice()
    {
        var text = Hover("FROM alpine\nR$0UN echo\n")!.Text;
        Assert.Contains("**Forms**", text);
        Assert.Contains("--mount", text);
        Assert.Contains("```dockerfile", text);
        Assert.Contains("layer", text);
    }

    [Fact]
    public void PlainTextHasNoMarkdown()
    {
        var text = Hover("FROM alpine\nR$0UN echo\n", HoverFormat.PlainText)!.Text;
        Assert.DoesNotContain("```", text);
        Assert.DoesNotContain("**", text);
        Assert.Contains("Dockerfile reference: RUN: https://docs.docker.com/reference/dockerfile/#run", text);
    }

    [Theory]
    [InlineData("FROM alpine\nCOPY --ch$0mod=0755 a /b\n", "--chmod=")]
    [InlineData("FROM alpine\nCOPY --li$0nk a /b\n", "--link")]
    [InlineData("FROM alpine\nCOPY --pare$0nts a /b\n", "--parents")]
    [InlineData("FROM alpine\nCOPY --exc$0lude=*.md . /b\n", "--exclude")]
    [InlineData("FROM alpine\nADD --check$0sum=sha256:00 https://x/y /z\n", "--checksum")]
    [InlineData("FROM alpine\nRUN --netw$0ork=none true\n", "--network")]
    [InlineData("FROM alpine\nRUN --secu$0rity=insecure true\n", "--security")]
    [InlineData("FROM alpine\nHEALTHCHECK --retr$0ies=3 CMD true\n", "--retries")]
    [InlineData("FROM --plat$0form=linux/amd64 alpine\n", "--platform")]
    public void FlagsAreExplained(string markup, string expected) => Assert.Contains(expected, Hover(markup)!.Text);

    [Fact]
    public void MountTypeAndOptionsAreExplained()
    {
        Assert.Contains("persistent cache", Hover("FROM alpine\nRUN --mount=type=ca$0che,target=/root/.cache true\n")!.Text);
        Assert.Contains("sharing=<shared|private|locked>", Hover("FROM alpine\nRUN --mount=type=cache,shar$0ing=locked,target=/x true\n")!.Text);
        Assert.Contains("target=<path>", Hover("FROM alpine\nRUN --mount=type=cache,tar$0get=/x true\n")!.Text);
    }

    [Fact]
    public void DirectivesAndCheckNamesAreExplained()
    {
        Assert.Contains("escape character", Hover("# esc$0ape=`\nFROM alpine\n")!.Text);
        Assert.Contains("frontend", Hover("# syn$0tax=docker/dockerfile:1\nFROM alpine\n")!.Text);
        Assert.Contains("exec (JSON) form", Hover("# check=skip=JSONArgs$0Recommended\nFROM alpine\n")!.Text);
    }

    [Fact]
    public void LongValuesAreShortenedInTheHover()
    {
        var value = new string('v', 5000);
        var text = Hover($"FROM alpine\nENV BIG={value}\nRUN echo $BI$0G\n")!.Text;
        Assert.DoesNotContain(new string('v', 201), text);
        Assert.Contains(new string('v', 200) + "…", text);
        Assert.Contains("5,000 characters", text);
    }

    [Fact]
    public void VariablesShowValueAndDeclaration()
    {
        var text = Hover("ARG BASE=3.20\nFROM alpine\nARG BASE\nENV HOME_DIR=/opt/$BASE\nRUN echo $HO$0ME_DIR\n")!.Text;
        Assert.Contains("/opt/3.20", text);
        Assert.Contains("line 4", text);
        var global = Hover("ARG BASE=3.20\nFROM alpine:${BA$0SE}\n")!.Text;
        Assert.Contains("3.20", global);
        Assert.Contains("Global build argument", global);
        Assert.Contains("Predefined", Hover("FROM --platform=$BUILDPL$0ATFORM alpine\n")!.Text);
    }

    [Fact]
    public void StageReferencesShowTheStagesBaseAndLine()
    {
        const string text = "FROM golang:1.23 AS build\nRUN go build\nFROM alpine\nCOPY --from=bu$0ild /out /app\n";
        var hover = Hover(text)!.Text;
        Assert.Contains("golang:1.23", hover);
        Assert.Contains("line 1", hover);
        Assert.Contains("golang:1.23", Hover("FROM golang:1.23 AS build\nFROM alpine\nRUN --mount=from=bu$0ild,target=/src true\n")!.Text);
        Assert.Contains("golang:1.23", Hover("FROM golang:1.23 AS build\nFROM bu$0ild\n")!.Text);
    }

    [Fact]
    public void ImagesAreNormalized()
    {
        Assert.Contains("docker.io/library/nginx:latest", Hover("FROM ngi$0nx\n")!.Text);
        Assert.Contains("ghcr.io/acme/app:1.0", Hover("FROM ghcr.io/acme/a$0pp:1.0\n")!.Text);
    }

    [Theory]
    [InlineData("FROM alpine\nRUN echo hi$0\n")]
    [InlineData("$0")]
    [InlineData("# just a comment$0\n")]
    public void NothingToSayGivesNull(string markup) => Assert.Null(Hover(markup));

    [Fact]
    public void OutOfRangePositionsAreClamped()
    {
        var document = Document.Create("file:///t/Dockerfile", 1, "FROM alpine\n", isOpen: true);
        var service = new HoverService();
        _ = service.GetHover(document, -10, HoverFormat.Markdown, CancellationToken.None);
        _ = service.GetHover(document, 10_000, HoverFormat.Markdown, CancellationToken.None);
    }
}
