using System.Net;

namespace DockerLsp.Registry.Tests;

/// <summary>429 handling: a clear RateLimited error, backoff without touching the registry, and stale answers meanwhile.</summary>
public sealed class RateLimitTests
{
    private static readonly RegistryImageName App = RegistryImageName.Parse("example.test/team/app:1.0");

    [Fact]
    public async Task ReportsRateLimitAndBacksOff()
    {
        var time = new ManualTimeProvider();
        var handler = new FakeHttpHandler(_ => Respond.Json(
            HttpStatusCode.TooManyRequests,
            """{"errors":[{"code":"TOOMANYREQUESTS","message":"You have reached your pull rate limit."}]}""",
            ("Retry-After", "120"), ("ratelimit-limit", "100;w=21600"), ("ratelimit-remaining", "0;w=21600")));
        using var client = TestClients.Create(handler, time);

        var first = await client.ResolveDigestAsync(App, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(60));
        var second = await client.ListTagsAsync(App, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.RateLimited, first.Error?.Kind);
        Assert.Equal(TimeSpan.FromSeconds(120), first.Error!.RetryAfter);
        Assert.Equal(time.GetUtcNow() - TimeSpan.FromSeconds(60) + TimeSpan.FromSeconds(120), first.Error.RetryAt);
        Assert.Contains("HTTP 429, remaining 0 of 100 per 6 h", first.Error.Message, StringComparison.Ordinal);
        Assert.Contains("retry after 2 min", first.Error.Message, StringComparison.Ordinal);

        Assert.Equal(RegistryErrorKind.RateLimited, second.Error?.Kind);
        Assert.Equal(TimeSpan.FromSeconds(60), second.Error!.RetryAfter);
        Assert.Single(handler.Requests); // backing off: the registry was not asked again

        time.Advance(TimeSpan.FromSeconds(61));
        await client.ResolveDigestAsync(App, CancellationToken.None);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task AnswersFromStaleCacheWhileBackingOff()
    {
        var time = new ManualTimeProvider();
        var limited = false;
        var registry = Sample.Registry();
        var handler = new FakeHttpHandler(request => limited
            ? Respond.Status(HttpStatusCode.TooManyRequests, ("Retry-After", "30"))
            : registry(request));
        using var client = TestClients.Create(handler, time);

        var fresh = await client.ResolveDigestAsync(App, CancellationToken.None);
        time.Advance(TimeSpan.FromHours(7)); // past the TTL
        limited = true;
        var stale = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryResultOrigin.StaleCache, stale.Origin);
        Assert.Equal(fresh.Value?.Digest, stale.Value?.Digest);
    }

    [Fact]
    public async Task RateLimitedTokenServiceIsReportedToo()
    {
        var handler = new FakeHttpHandler(request => request.RequestUri!.Host == "auth.example.test"
            ? Respond.Status(HttpStatusCode.TooManyRequests, ("Retry-After", "Wed, 21 Oct 2099 07:28:00 GMT"))
            : Respond.Status(HttpStatusCode.Unauthorized, ("WWW-Authenticate", "Bearer realm=\"https://auth.example.test/token\"")));
        using var client = TestClients.Create(handler);

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.RateLimited, result.Error?.Kind);
        Assert.Equal(TimeSpan.FromHours(24), result.Error!.RetryAfter); // capped by MaxRetryAfter
        Assert.Contains("auth.example.test", result.Error.Message, StringComparison.Ordinal);
    }
}
