using System.Collections.Concurrent;

namespace DockerLsp.Registry;

/// <summary>
/// Remembers, per host, until when a registry asked us (with 429) not to call again. While a host is backing off no
/// request is sent to it; callers answer from cache or with <see cref="RegistryErrorKind.RateLimited"/>.
/// Thread-safe; time comes from the injected <see cref="TimeProvider"/>.
/// </summary>
internal sealed class RateLimitBackoff
{
    private readonly ConcurrentDictionary<string, (DateTimeOffset Until, string Message)> _until = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _time;

    public RateLimitBackoff(TimeProvider time) => _time = time;

    public void Record(string host, DateTimeOffset until, string message) =>
        _until.AddOrUpdate(host, (until, message), (_, existing) => existing.Until >= until ? existing : (until, message));

    /// <summary>Records the backoff a 429 response asks for and returns the matching error.</summary>
    public RegistryError RecordTooManyRequests(string host, RegistryResponse response, RegistryClientOptions options)
    {
        var now = _time.GetUtcNow();
        var wait = RetryAfterParser.DelayFor(response, now, options.DefaultRetryAfter, options.MaxRetryAfter);
        var until = now + wait;
        var quota = RetryAfterParser.DescribeQuota(response);
        var what = quota is null ? $"{host} is rate limiting requests (HTTP 429)" : $"{host} is rate limiting requests (HTTP 429, {quota})";
        Record(host, until, what);
        return RegistryError.RateLimited(
            $"{what}; retry after {RetryAfterParser.FormatDuration(wait)} (at {until.UtcDateTime:HH:mm:ss} UTC)", until, wait);
    }

    /// <summary>The RateLimited error to return while <paramref name="host"/> is still backing off, else null.</summary>
    public RegistryError? Check(string host)
    {
        if (!_until.TryGetValue(host, out var entry))
        {
            return null;
        }

        var now = _time.GetUtcNow();
        if (now >= entry.Until)
        {
            _until.TryRemove(KeyValuePair.Create(host, entry));
            return null;
        }

        var wait = entry.Until - now;
        return RegistryError.RateLimited(
            $"{entry.Message}; not asking {host} again for {RetryAfterParser.FormatDuration(wait)} (until {entry.Until.UtcDateTime:HH:mm:ss} UTC)",
            entry.Until,
            wait);
    }
}
