using System.Text.Json.Serialization.Metadata;

namespace DockerLsp.Registry;

/// <summary>
/// One policy for every cached question: a fresh entry (younger than its TTL) answers without the network; offline
/// mode and rate-limit backoff answer with whatever entry exists, however old (marked <see cref="RegistryResultOrigin.StaleCache"/>),
/// or with an Offline / RateLimited error; a successful fetch is stored in memory and on disk.
/// </summary>
public sealed partial class RegistryClient
{
    private async Task<RegistryResult<T>> CachedAsync<T>(
        string key,
        TimeSpan timeToLive,
        RegistryImageName image,
        string what,
        JsonTypeInfo<CacheEnvelope<T>> typeInfo,
        Func<CancellationToken, Task<RegistryResult<T>>> fetch,
        CancellationToken cancellationToken)
        where T : class
    {
        var now = _time.GetUtcNow();
        var cached = _cache.Lookup(key, typeInfo);
        if (cached is not null)
        {
            var age = now - cached.StoredAt;
            // A negative age means the clock moved backwards: do not trust the entry as fresh.
            if (age >= TimeSpan.Zero && age < timeToLive)
            {
                return RegistryResult<T>.Success(
                    cached.Value, cached.FromDisk ? RegistryResultOrigin.DiskCache : RegistryResultOrigin.MemoryCache, cached.StoredAt);
            }
        }

        if (_options.Offline)
        {
            return cached is not null
                ? Stale(cached)
                : RegistryError.Offline($"offline mode: {what} is not in the cache (turn offline mode off to look it up on {image.DisplayRegistry})");
        }

        if (_backoff.Check(image.Registry) is { } backingOff)
        {
            return cached is not null ? Stale(cached) : backingOff;
        }

        var result = await fetch(cancellationToken).ConfigureAwait(false);
        if (result.IsSuccess)
        {
            _cache.Store(key, result.Value, result.RetrievedAt, typeInfo);
            return result;
        }

        return result.Error.Kind == RegistryErrorKind.RateLimited && cached is not null ? Stale(cached) : result;
    }

    private static RegistryResult<T> Stale<T>(CachedValue<T> cached)
        where T : class =>
        RegistryResult<T>.Success(cached.Value, RegistryResultOrigin.StaleCache, cached.StoredAt);
}
