using DockerLsp.Analysis;
using DockerLsp.Features.Images;
using DockerLsp.Syntax.Text;
using Moq;

namespace DockerLsp.Features.Tests.Images;

/// <summary>Pin edits computed by <see cref="ImagePinService"/> against a mocked <see cref="IImageRegistry"/>.</summary>
public sealed class ImagePinServiceTests
{
    private const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string Other = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    private static Mock<IImageRegistry> Registry(string digest = Digest)
    {
        var mock = new Mock<IImageRegistry>(MockBehavior.Strict);
        mock.Setup(r => r.ResolveDigestAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ImageRegistryResult<string>.Success(digest));
        return mock;
    }

    private static async Task<(string Text, PinAllResult Result)> PinAll(string source, Mock<IImageRegistry> registry, bool updateStale = false)
    {
        var document = DockerfileDocument.Create(source);
        var result = await new ImagePinService(registry.Object).PinAllAsync(document, updateStale, CancellationToken.None);
        var text = source;
        foreach (var change in result.Changes.OrderByDescending(c => c.Span.Start))
        {
            text = text[..change.Span.Start] + change.NewText + text[change.Span.End..];
        }
        return (text, result);
    }

    [Fact]
    public async Task Pins_from_keeping_flags_and_stage_name()
    {
        var registry = Registry();
        var (text, result) = await PinAll("FROM --platform=$BUILDPLATFORM nginx:1.27 AS web\nRUN true\n", registry);
        Assert.Equal($"FROM --platform=$BUILDPLATFORM nginx:1.27@{Digest} AS web\nRUN true\n", text);
        Assert.Single(result.Changes);
        registry.Verify(r => r.ResolveDigestAsync("nginx:1.27", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Pins_reference_with_resolved_variable_keeping_the_variable()
    {
        var registry = Registry();
        var (text, _) = await PinAll("ARG VERSION=3.20\nFROM alpine:${VERSION}\n", registry);
        Assert.Equal($"ARG VERSION=3.20\nFROM alpine:${{VERSION}}@{Digest}\n", text);
        registry.Verify(r => r.ResolveDigestAsync("alpine:3.20", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Refuses_reference_with_unresolved_variable()
    {
        var (text, result) = await PinAll("ARG VERSION\nFROM alpine:${VERSION}\n", Registry());
        Assert.Equal("ARG VERSION\nFROM alpine:${VERSION}\n", text);
        var failure = Assert.Single(result.Failures);
        Assert.Contains("variables without a known value", failure.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pins_copy_from_and_mount_from_images_but_not_stages_or_scratch()
    {
        var source = "FROM golang:1.23 AS build\nRUN --mount=type=bind,from=busybox:1.36,target=/b true\nFROM scratch\nCOPY --from=build /app /app\nCOPY --from=alpine:3.20 /bin/sh /bin/sh\n";
        var (text, result) = await PinAll(source, Registry());
        Assert.Equal(
            $"FROM golang:1.23@{Digest} AS build\nRUN --mount=type=bind,from=busybox:1.36@{Digest},target=/b true\nFROM scratch\nCOPY --from=build /app /app\nCOPY --from=alpine:3.20@{Digest} /bin/sh /bin/sh\n",
            text);
        Assert.Equal(3, result.Changes.Count);
        Assert.Empty(result.Failures);
    }

    [Fact]
    public async Task Stage_used_as_base_is_not_pinned()
    {
        var (text, result) = await PinAll("FROM alpine:3.20 AS base\nFROM base\n", Registry());
        Assert.Equal($"FROM alpine:3.20@{Digest} AS base\nFROM base\n", text);
        Assert.Single(result.Changes);
    }

    [Fact]
    public async Task Already_pinned_reference_is_left_alone()
    {
        var registry = new Mock<IImageRegistry>(MockBehavior.Strict);
        var source = $"FROM nginx:1.27@{Digest}\n";
        var (text, result) = await PinAll(source, registry);
        Assert.Equal(source, text);
        Assert.Empty(result.Outcomes);
    }

    [Fact]
    public async Task Registry_failure_is_reported_with_its_reason()
    {
        var registry = new Mock<IImageRegistry>();
        registry.Setup(r => r.ResolveDigestAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ImageRegistryResult<string>.Failure("registry.example is unreachable"));
        var (text, result) = await PinAll("FROM registry.example/app:1\n", registry);
        Assert.Equal("FROM registry.example/app:1\n", text);
        var failure = Assert.Single(result.Failures);
        Assert.Contains("cannot resolve 'registry.example/app:1': registry.example is unreachable", failure.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_reference_is_resolved_once()
    {
        var registry = Registry();
        await PinAll("FROM nginx:1.27 AS a\nFROM nginx:1.27 AS b\n", registry);
        registry.Verify(r => r.ResolveDigestAsync("nginx:1.27", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Stale_digest_is_found_and_replaced()
    {
        var registry = Registry(Other);
        var document = DockerfileDocument.Create($"FROM nginx:1.27@{Digest} AS web\n");
        var stale = await new ImagePinService(registry.Object).FindStaleDigestsAsync(document, CancellationToken.None);
        var outcome = Assert.Single(stale);
        Assert.Equal(Other, outcome.Digest);
        var change = outcome.Change!.Value;
        Assert.Equal(Digest, document.Text.ToString(change.Span));
        Assert.Equal(Other, change.NewText);
    }

    [Fact]
    public async Task Current_digest_is_not_stale()
    {
        var document = DockerfileDocument.Create($"FROM nginx:1.27@{Digest}\n");
        var stale = await new ImagePinService(Registry().Object).FindStaleDigestsAsync(document, CancellationToken.None);
        Assert.Empty(stale);
    }

    [Fact]
    public void Lookup_reference_drops_digest_and_defaults_tag()
    {
        var images = ImagePinService.FindImageReferences(DockerfileDocument.Create($"FROM ghcr.io/org/app\nFROM nginx:1.27@{Digest}\n"), CancellationToken.None);
        Assert.Equal(["ghcr.io/org/app:latest", "nginx:1.27"], images.Select(i => i.LookupReference));
        Assert.Equal(new TextSpan(5, 15), images[0].Span);
    }
}
