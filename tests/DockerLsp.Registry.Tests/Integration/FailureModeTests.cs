using System.Diagnostics;
using System.Globalization;

namespace DockerLsp.Registry.Tests;

/// <summary>
/// Failure modes over real loopback sockets: 429, connection refused, a server that never answers, a malformed
/// challenge, and a registry that goes away after answering once. Each gives a clear error quickly; none hangs.
/// </summary>
public sealed class FailureModeTests
{
    [Fact]
    public async Task RateLimitIsReportedAndTheRegistryIsLeftAlone()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json(
            429,
            """{"errors":[{"code":"TOOMANYREQUESTS","message":"You have reached your pull rate limit."}]}""",
            ("Retry-After", "7"), ("RateLimit-Limit", "100;w=21600"), ("RateLimit-Remaining", "0;w=21600")));
        using var client = new IntegrationClient();
        var image = RegistryImageName.Parse(server.Authority + "/library/debian:bookworm-slim");

        var first = await client.Client.ResolveDigestAsync(image, CancellationToken.None);
        var second = await client.Client.GetPlatformsAsync(image, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.RateLimited, first.Error?.Kind);
        Assert.Equal(TimeSpan.FromSeconds(7), first.Error!.RetryAfter);
        Assert.Contains("HTTP 429, remaining 0 of 100 per 6 h", first.Error.Message, StringComparison.Ordinal);
        Assert.Contains("retry after 7 s", first.Error.Message, StringComparison.Ordinal);
        Assert.Equal(RegistryErrorKind.RateLimited, second.Error?.Kind);
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task ConnectionRefusedIsUnreachable()
    {
        using var client = new IntegrationClient();
        var image = RegistryImageName.Parse("127.0.0.1:" + LoopbackHttpServer.UnusedPort().ToString(CultureInfo.InvariantCulture) + "/x/y:1");
        var clock = Stopwatch.StartNew();

        var result = await client.Client.ResolveDigestAsync(image, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.Unreachable, result.Error?.Kind);
        Assert.Contains("connection refused", result.Error!.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task ARegistryThatNeverAnswersTimesOutWithinTheTimeout()
    {
        await using var server = new LoopbackHttpServer(_ => null);
        using var client = new IntegrationClient(configure: o => o with { RequestTimeout = TimeSpan.FromSeconds(1) });
        var image = RegistryImageName.Parse(server.Authority + "/x/y:1");
        var clock = Stopwatch.StartNew();

        var result = await client.Client.ResolveDigestAsync(image, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.Timeout, result.Error?.Kind);
        Assert.Contains("did not answer within 1 s", result.Error!.Message, StringComparison.Ordinal);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(4));
        Assert.Single(server.Requests);
    }

    [Fact]
    public async Task AMalformedChallengeIsAClearError()
    {
        await using var server = new LoopbackHttpServer(_ => LoopbackResponse.Json(
            401, """{"errors":[{"code":"UNAUTHORIZED"}]}""", ("WWW-Authenticate", "Bearer realm=\"http://127.0.0.1:1/token,service=\"broken")));
        using var client = new IntegrationClient();

        var result = await client.Client.ResolveDigestAsync(RegistryImageName.Parse(server.Authority + "/x/y:1"), CancellationToken.None);

        Assert.Equal(RegistryErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Contains("requires authentication but its challenge cannot be understood", result.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("malformed WWW-Authenticate header", result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterTheRegistryStopsTheCacheStillAnswers()
    {
        OciDigest pushed;
        string authority;
        using var client = new IntegrationClient();
        await using (var registry = await RegistryProcess.StartAsync())
        {
            using var http = new HttpClient();
            pushed = (await new TestImagePusher(http, registry.BaseUri).PushAsync("team/app", "1.0")).IndexDigest;
            authority = registry.Authority;
            var online = await client.Client.ResolveDigestAsync(RegistryImageName.Parse(authority + "/team/app:1.0"), CancellationToken.None);
            Assert.Equal(pushed, online.Value?.Digest);
        }

        var image = RegistryImageName.Parse(authority + "/team/app:1.0");
        var fromMemory = await client.Client.ResolveDigestAsync(image, CancellationToken.None);
        using var restarted = new IntegrationClient(cacheDirectory: client.CacheDirectory);
        var fromDisk = await restarted.Client.ResolveDigestAsync(image, CancellationToken.None);
        using var uncached = new IntegrationClient();
        var down = await uncached.Client.ResolveDigestAsync(image, CancellationToken.None);

        Assert.Equal((pushed, RegistryResultOrigin.MemoryCache), (fromMemory.Value?.Digest ?? default, fromMemory.Origin));
        Assert.Equal((pushed, RegistryResultOrigin.DiskCache), (fromDisk.Value?.Digest ?? default, fromDisk.Origin));
        Assert.Equal(0, restarted.RequestCount);
        Assert.Equal(RegistryErrorKind.Unreachable, down.Error?.Kind);
    }
}
