using DockerLsp.Features.Images;
using Moq;

namespace DockerLsp.Features.Tests.Images;

/// <summary><see cref="ImageInfoCache"/>: a hover never waits for the registry, and the second look shows the data.</summary>
public sealed class ImageInfoCacheTests
{
    private static readonly ImageInfo s_info = new("docker.io/library/nginx:1.27", "sha256:abc", ["linux/amd64", "linux/arm64/v8"], new DateTimeOffset(2025, 1, 2, 3, 4, 0, TimeSpan.Zero), "https://hub.docker.com/_/nginx");

    [Fact]
    public async Task First_peek_does_not_block_then_data_is_available()
    {
        var gate = new TaskCompletionSource<ImageRegistryResult<ImageInfo>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registry = new Mock<IImageRegistry>(MockBehavior.Strict);
        registry.Setup(r => r.GetImageInfoAsync("nginx:1.27", It.IsAny<CancellationToken>())).Returns(gate.Task);
        using var cache = new ImageInfoCache(registry.Object);

        var first = cache.PeekInfo("nginx:1.27");
        Assert.Equal(ImageLookupState.Resolving, first.State);
        Assert.Contains("resolving", ImageHoverText.Format("nginx:1.27", first), StringComparison.Ordinal);

        gate.SetResult(ImageRegistryResult<ImageInfo>.Success(s_info));
        await cache.GetInfoAsync("nginx:1.27", CancellationToken.None);
        var second = cache.PeekInfo("nginx:1.27");
        Assert.Equal(ImageLookupState.Available, second.State);
        var hover = ImageHoverText.Format("nginx:1.27", second);
        Assert.Contains("sha256:abc", hover, StringComparison.Ordinal);
        Assert.Contains("linux/arm64/v8", hover, StringComparison.Ordinal);
        Assert.Contains("2025-01-02", hover, StringComparison.Ordinal);
        Assert.Contains("https://hub.docker.com/_/nginx", hover, StringComparison.Ordinal);
        registry.Verify(r => r.GetImageInfoAsync("nginx:1.27", It.IsAny<CancellationToken>()), Times.Once);
    }

    /// <summary>
    /// A request that took the cache just before a settings change replaced (and disposed) it still gets an answer: the
    /// lookup fails as cancelled instead of throwing ObjectDisposedException (found by an LSP fuzzer as a -32603 code action).
    /// </summary>
    [Fact]
    public async Task A_cache_replaced_by_a_settings_change_answers_in_flight_callers_without_throwing()
    {
        var registry = new Mock<IImageRegistry>();
        registry.Setup(r => r.GetImageInfoAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string _, CancellationToken token) => Task.FromResult(token.IsCancellationRequested
                ? ImageRegistryResult<ImageInfo>.Failure("cancelled") : ImageRegistryResult<ImageInfo>.Success(s_info)));
        registry.Setup(r => r.ListTagsAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .Returns((string _, CancellationToken token) => Task.FromResult(token.IsCancellationRequested
                ? ImageRegistryResult<IReadOnlyList<string>>.Failure("cancelled") : ImageRegistryResult<IReadOnlyList<string>>.Success(["latest"])));
        using var host = new ImageRegistryHost(_ => registry.Object);
        var taken = host.GetCache(ImageRegistrySettings.Default);
        host.GetCache(ImageRegistrySettings.Default with { Offline = true });

        var info = await taken.GetInfoAsync("nginx:1.27", CancellationToken.None);
        Assert.Equal("cancelled", info.FailureReason);
        Assert.Equal(ImageLookupState.Failed, taken.PeekInfo("nginx:1.27").State);
        Assert.Equal("cancelled", (await taken.GetTagsAsync("nginx", CancellationToken.None)).FailureReason);
        var current = host.GetCache(ImageRegistrySettings.Default with { Offline = true });
        Assert.True((await current.GetInfoAsync("nginx:1.27", CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public async Task Failure_is_cached_with_its_reason()
    {
        var registry = new Mock<IImageRegistry>();
        registry.Setup(r => r.GetImageInfoAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(ImageRegistryResult<ImageInfo>.Failure("offline"));
        using var cache = new ImageInfoCache(registry.Object);
        await cache.GetInfoAsync("nginx", CancellationToken.None);
        var lookup = cache.PeekInfo("nginx");
        Assert.Equal(ImageLookupState.Failed, lookup.State);
        Assert.Equal("offline", lookup.FailureReason);
        registry.Verify(r => r.GetImageInfoAsync("nginx", It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Tags_are_cached()
    {
        var registry = new Mock<IImageRegistry>();
        registry.Setup(r => r.ListTagsAsync("nginx", It.IsAny<CancellationToken>()))
            .ReturnsAsync(ImageRegistryResult<IReadOnlyList<string>>.Success(new[] { "1.27", "latest" }));
        using var cache = new ImageInfoCache(registry.Object);
        var tags = await cache.GetTagsAsync("nginx", CancellationToken.None);
        Assert.Equal(["1.27", "latest"], tags.Value!);
        Assert.Equal(ImageLookupState.Available, cache.PeekTags("nginx").State);
        registry.Verify(r => r.ListTagsAsync("nginx", It.IsAny<CancellationToken>()), Times.Once);
    }
}
