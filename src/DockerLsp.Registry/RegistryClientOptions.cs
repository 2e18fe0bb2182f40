namespace DockerLsp.Registry;

/// <summary>
/// Settings of a <see cref="RegistryClient"/>. Defaults are safe for an editor: short timeouts, HTTPS only,
/// credential helpers off, a disk cache under the XDG cache directory. Invariant: all durations and sizes are positive
/// (checked by <see cref="Validate"/> when the client is built).
/// </summary>
public sealed record RegistryClientOptions
{
    /// <summary>Upper bound for one HTTP exchange (connect, headers and body). Default 10 s.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Answer only from the cache (even past its TTL); never touch the network. Default false.</summary>
    public bool Offline { get; init; }

    /// <summary>
    /// Registries reached over plain HTTP, as <c>HOST</c> (any port) or <c>HOST:PORT</c>. Loopback hosts
    /// (<c>localhost</c>, <c>127.0.0.0/8</c>, <c>[::1]</c>) always use plain HTTP and need no entry.
    /// </summary>
    public IReadOnlyList<string> InsecureRegistries { get; init; } = [];

    /// <summary>Disk cache directory; null means <c>$XDG_CACHE_HOME/dockerlsp/registry</c> or <c>~/.cache/dockerlsp/registry</c>.</summary>
    public string? CacheDirectory { get; init; }

    /// <summary>False keeps the cache in memory only. Default true.</summary>
    public bool DiskCacheEnabled { get; init; } = true;

    /// <summary>How long a tag → digest answer is trusted. Default 6 h.</summary>
    public TimeSpan TagDigestTtl { get; init; } = TimeSpan.FromHours(6);

    /// <summary>How long a repository's tag list is trusted. Default 24 h.</summary>
    public TimeSpan TagListTtl { get; init; } = TimeSpan.FromHours(24);

    /// <summary>How long answers derived from content-addressed data (platforms and config of a digest) are kept. Default 7 days.</summary>
    public TimeSpan ContentTtl { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Largest manifest, config blob or tag-list page accepted. Default 4 MiB.</summary>
    public long MaxManifestBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>Largest token-service response accepted. Default 1 MiB.</summary>
    public long MaxTokenResponseBytes { get; init; } = 1024 * 1024;

    /// <summary>Most HTTPS redirects followed for one request. Default 5.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>Most tag-list pages fetched (the listing is marked truncated beyond). Default 20.</summary>
    public int MaxTagPages { get; init; } = 20;

    /// <summary>Tags requested per page (<c>?n=</c>). Default 1000.</summary>
    public int TagPageSize { get; init; } = 1000;

    /// <summary>Backoff after a 429 that carries no usable Retry-After. Default 60 s.</summary>
    public TimeSpan DefaultRetryAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest backoff honoured, so a broken Retry-After cannot silence a registry for the whole session. Default 24 h.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Run <c>docker-credential-&lt;name&gt; get</c> for <c>credsStore</c>/<c>credHelpers</c>. Off by default: it starts processes.</summary>
    public bool EnableCredentialHelpers { get; init; }

    /// <summary>Docker config file; null means <c>$DOCKER_CONFIG/config.json</c> or <c>~/.docker/config.json</c>.</summary>
    public string? DockerConfigPath { get; init; }

    /// <summary>Sent as User-Agent on every request.</summary>
    public string UserAgent { get; init; } = "dockerlsp-registry/1.0";

    /// <summary>Throws <see cref="ArgumentException"/> when a setting is out of range; called by the client constructor.</summary>
    public void Validate()
    {
        RequirePositive(RequestTimeout, nameof(RequestTimeout));
        RequirePositive(TagDigestTtl, nameof(TagDigestTtl));
        RequirePositive(TagListTtl, nameof(TagListTtl));
        RequirePositive(ContentTtl, nameof(ContentTtl));
        RequirePositive(DefaultRetryAfter, nameof(DefaultRetryAfter));
        RequirePositive(MaxRetryAfter, nameof(MaxRetryAfter));
        if (MaxManifestBytes <= 0 || MaxTokenResponseBytes <= 0)
        {
            throw new ArgumentException("response size limits must be positive");
        }

        if (MaxRedirects < 0 || MaxTagPages <= 0 || TagPageSize <= 0)
        {
            throw new ArgumentException("MaxRedirects must be >= 0, MaxTagPages and TagPageSize > 0");
        }

        if (string.IsNullOrWhiteSpace(UserAgent))
        {
            throw new ArgumentException("UserAgent must not be empty");
        }
    }

    private static void RequirePositive(TimeSpan value, string name)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must be positive", name);
        }
    }
}
