namespace DockerLsp.Registry;

/// <summary>
/// How a cached answer is stored on disk: the full cache key (checked on read, so a hash collision or a renamed file
/// cannot return another image's answer), when it was fetched, and the value.
/// </summary>
internal sealed record CacheEnvelope<T>(string Key, DateTimeOffset StoredAt, T Value);

/// <summary>A cached value with its age and whether it came from memory or disk.</summary>
internal sealed record CachedValue<T>(T Value, DateTimeOffset StoredAt, bool FromDisk);
