namespace DockerLsp.Registry;

/// <summary>Where a successful answer came from, so an editor can say "resolved 2 h ago (cached)".</summary>
public enum RegistryResultOrigin
{
    /// <summary>Fetched from the registry during this call.</summary>
    Network,

    /// <summary>Served from the in-memory cache within its time-to-live.</summary>
    MemoryCache,

    /// <summary>Served from the on-disk cache within its time-to-live.</summary>
    DiskCache,

    /// <summary>Served from cache past its time-to-live because the client is offline or backing off a rate limit.</summary>
    StaleCache,

    /// <summary>Needed no lookup at all (e.g. the reference already pins a digest).</summary>
    Reference,
}
