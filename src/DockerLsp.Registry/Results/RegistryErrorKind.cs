namespace DockerLsp.Registry;

/// <summary>
/// Why a registry question got no answer. Every expected failure maps to one of these; callers switch on the kind
/// (e.g. to decide whether a diagnostic is worth showing) and show <see cref="RegistryError.Message"/> to people.
/// </summary>
public enum RegistryErrorKind
{
    /// <summary>The repository, tag, manifest or blob does not exist (HTTP 404).</summary>
    NotFound,

    /// <summary>The registry or its token service refused the credentials, or demands credentials we do not have (401/403).</summary>
    Unauthorized,

    /// <summary>The registry answered 429, or we are still backing off from an earlier 429; see <see cref="RegistryError.RetryAt"/>.</summary>
    RateLimited,

    /// <summary>No usable answer: connection refused, DNS failure, TLS failure, or a 5xx server error.</summary>
    Unreachable,

    /// <summary>The registry did not answer within <see cref="RegistryClientOptions.RequestTimeout"/>.</summary>
    Timeout,

    /// <summary>The registry answered something we cannot trust or use (bad digest, oversized body, malformed challenge or JSON, redirect loop).</summary>
    InvalidResponse,

    /// <summary><see cref="RegistryClientOptions.Offline"/> is set and the cache has no answer.</summary>
    Offline,

    /// <summary>A plain-HTTP URL (or a redirect to one) for a host that is neither loopback nor listed as insecure.</summary>
    InsecureRefused,

    /// <summary>The image reference text itself is invalid (only from the string overloads).</summary>
    InvalidReference,
}
