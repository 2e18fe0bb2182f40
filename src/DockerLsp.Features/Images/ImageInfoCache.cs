using System.Collections.Concurrent;

namespace DockerLsp.Features.Images;

/// <summary>The state of a cached lookup: still running, answered, or failed (with the reason).</summary>
public enum ImageLookupState
{
    Resolving,
    Available,
    Failed,
}

/// <summary>A non-blocking view of a cached lookup. <see cref="Value"/> is set when available, <see cref="FailureReason"/> when failed.</summary>
public sealed record ImageLookup<T>(ImageLookupState State, T? Value, string? FailureReason)
    where T : class;

/// <summary>
/// In-memory, TTL-bounded cache in front of <see cref="IImageRegistry"/> for hover and tag completion. Why: hover must
/// never wait for the network, so <see cref="PeekInfo"/> returns at once ("resolving…" on first sight) and starts the lookup
/// in the background; the next hover shows the data. Failures are cached for a shorter time so a registry outage does not
/// cause a request per keystroke. Thread-safe; one lookup per reference runs at a time.
/// </summary>
public sealed class ImageInfoCache : IDisposable
{
    private readonly IImageRegistry _registry;
    private readonly TimeProvider _time;
    private readonly TimeSpan _ttl;
    private readonly TimeSpan _failureTtl;
    private readonly CancellationTokenSource _disposed = new();

    /// <summary>
    /// Taken once: a request may still hold this cache when a settings change replaces and disposes it, and reading
    /// <c>_disposed.Token</c> then would throw; the token itself stays valid (cancelled), so such lookups fail as cancelled.
    /// </summary>
    private readonly CancellationToken _disposedToken;
    private readonly ConcurrentDictionary<string, Entry<ImageInfo>> _infos = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Entry<IReadOnlyList<string>>> _tags = new(StringComparer.Ordinal);

    public ImageInfoCache(IImageRegistry registry, TimeProvider? timeProvider = null, TimeSpan? ttl = null, TimeSpan? failureTtl = null)
    {
        _registry = registry ?? throw new ArgumentNullException(nameof(registry));
        _time = timeProvider ?? TimeProvider.System;
        _ttl = ttl ?? TimeSpan.FromMinutes(30);
        _failureTtl = failureTtl ?? TimeSpan.FromMinutes(2);
        _disposedToken = _disposed.Token;
    }

    /// <summary>The registry behind the cache (for callers that must ask directly, such as pinning).</summary>
    public IImageRegistry Registry => _registry;

    /// <summary>Returns immediately: the cached info, or <see cref="ImageLookupState.Resolving"/> after starting a background lookup.</summary>
    public ImageLookup<ImageInfo> PeekInfo(string reference) => Peek(_infos, reference, _registry.GetImageInfoAsync);

    /// <summary>Waits for the info of <paramref name="reference"/> (sharing a lookup already running).</summary>
    public Task<ImageRegistryResult<ImageInfo>> GetInfoAsync(string reference, CancellationToken cancellationToken) =>
        GetEntry(_infos, reference, _registry.GetImageInfoAsync).Task.WaitAsync(cancellationToken);

    /// <summary>
    /// The lookup of <paramref name="reference"/>'s info as a task that completes (never faults) when the registry answered,
    /// starting it when nothing is cached; for callers that want to act once a <see cref="PeekInfo"/> that said
    /// "resolving" can say more, without waiting.
    /// </summary>
    public Task InfoAnswered(string reference) => GetEntry(_infos, reference, _registry.GetImageInfoAsync).Task;

    /// <summary>Returns immediately: the cached tags of the reference's repository, or Resolving after starting a lookup.</summary>
    public ImageLookup<IReadOnlyList<string>> PeekTags(string reference) => Peek(_tags, reference, _registry.ListTagsAsync);

    /// <summary>Waits for the tags of the reference's repository.</summary>
    public Task<ImageRegistryResult<IReadOnlyList<string>>> GetTagsAsync(string reference, CancellationToken cancellationToken) =>
        GetEntry(_tags, reference, _registry.ListTagsAsync).Task.WaitAsync(cancellationToken);

    /// <summary>Forgets everything (e.g. after registry settings changed).</summary>
    public void Clear()
    {
        _infos.Clear();
        _tags.Clear();
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private ImageLookup<T> Peek<T>(ConcurrentDictionary<string, Entry<T>> map, string reference,
        Func<string, CancellationToken, Task<ImageRegistryResult<T>>> fetch)
        where T : class
    {
        var task = GetEntry(map, reference, fetch).Task;
        if (!task.IsCompleted) return new ImageLookup<T>(ImageLookupState.Resolving, null, null);
        var result = task.Result;
        return result.IsSuccess
            ? new ImageLookup<T>(ImageLookupState.Available, result.Value, null)
            : new ImageLookup<T>(ImageLookupState.Failed, null, result.FailureReason);
    }

    private Entry<T> GetEntry<T>(ConcurrentDictionary<string, Entry<T>> map, string reference,
        Func<string, CancellationToken, Task<ImageRegistryResult<T>>> fetch)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(reference);
        var now = _time.GetUtcNow();
        while (true)
        {
            if (map.TryGetValue(reference, out var existing) && !IsExpired(existing, now)) return existing;
            var created = new Entry<T>(Run(fetch, reference), now);
            if (existing is null ? map.TryAdd(reference, created) : map.TryUpdate(reference, created, existing)) return created;
        }
    }

    private bool IsExpired<T>(Entry<T> entry, DateTimeOffset now)
        where T : class
    {
        if (!entry.Task.IsCompleted) return false;
        var ttl = entry.Task.Result.IsSuccess ? _ttl : _failureTtl;
        return now - entry.CreatedAt >= ttl;
    }

    /// <summary>Runs the lookup off the caller's thread and turns unexpected exceptions into failures, so a cached task never faults.</summary>
    private Task<ImageRegistryResult<T>> Run<T>(Func<string, CancellationToken, Task<ImageRegistryResult<T>>> fetch, string reference)
        where T : class
    {
        var token = _disposedToken;
        return Task.Run(async () =>
        {
            try
            {
                return await fetch(reference, token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return ImageRegistryResult<T>.Failure("the lookup was cancelled");
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                return ImageRegistryResult<T>.Failure(exception.Message);
            }
        }, CancellationToken.None);
    }

    /// <summary>One cached lookup and when it started (the TTL counts from there).</summary>
    private sealed record Entry<T>(Task<ImageRegistryResult<T>> Task, DateTimeOffset CreatedAt)
        where T : class;
}
