using System.Net;

namespace DockerLsp.Registry.Tests;

/// <summary>Retry-After in both forms, and the Docker Hub rate-limit headers.</summary>
public sealed class RetryAfterParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("120", 120)]
    [InlineData(" 7 ", 7)]
    [InlineData("Sun, 01 Mar 2026 08:00:30 GMT", 30)]
    [InlineData("Sunday, 01-Mar-26 08:01:00 GMT", 60)]
    [InlineData("Sun Mar  1 08:02:00 2026", 120)]
    [InlineData("Sat, 28 Feb 2026 08:00:00 GMT", 0)] // in the past: retry now
    public void ParsesSecondsAndHttpDates(string value, int expectedSeconds)
    {
        Assert.True(RetryAfterParser.TryParse(value, Now, out var delay));
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), delay);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-5")]
    [InlineData("1.5")]
    [InlineData("soon")]
    [InlineData("Sun, 01 Mar 2026 25:00:00 GMT")]
    public void RejectsInvalidValues(string? value) => Assert.False(RetryAfterParser.TryParse(value, Now, out _));

    [Fact]
    public void HugeValuesAreCappedByTheCaller()
    {
        var response = Response(("Retry-After", "99999999999999"));
        Assert.Equal(TimeSpan.FromHours(24), RetryAfterParser.DelayFor(response, Now, TimeSpan.FromSeconds(60), TimeSpan.FromHours(24)));
    }

    [Fact]
    public void FallsBackToRateLimitResetThenToTheDefault()
    {
        Assert.Equal(TimeSpan.FromSeconds(42), RetryAfterParser.DelayFor(Response(("RateLimit-Reset", "42")), Now, TimeSpan.FromSeconds(60), TimeSpan.FromHours(1)));
        Assert.Equal(TimeSpan.FromSeconds(60), RetryAfterParser.DelayFor(Response(), Now, TimeSpan.FromSeconds(60), TimeSpan.FromHours(1)));
    }

    [Fact]
    public void DescribesDockerHubQuota()
    {
        var response = Response(("ratelimit-limit", "100;w=21600"), ("ratelimit-remaining", "0;w=21600"));
        Assert.Equal("remaining 0 of 100 per 6 h", RetryAfterParser.DescribeQuota(response));
        Assert.Null(RetryAfterParser.DescribeQuota(Response()));
    }

    private static RegistryResponse Response(params (string Name, string Value)[] headers)
    {
        var dictionary = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in headers)
        {
            dictionary[name] = [value];
        }

        return new RegistryResponse(HttpStatusCode.TooManyRequests, new Uri("https://r.example/"), dictionary, []);
    }
}
