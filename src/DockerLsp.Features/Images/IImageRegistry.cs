namespace DockerLsp.Features.Images;

/// <summary>
/// What Features needs from an image registry, declared here so Features stays free of IO and of the Registry project:
/// the host (Cli) supplies an adapter over the real client. Contract: every expected failure (offline, unreachable,
/// unauthorized, not found, rate limited, invalid reference) comes back as a failed <see cref="ImageRegistryResult{T}"/>
/// with a reason a person understands; only cancellation throws. References are image references as written in a
/// Dockerfile after variable expansion (<c>nginx:1.27</c>, <c>ghcr.io/org/app:v1</c>).
/// </summary>
public interface IImageRegistry
{
    /// <summary>The digest <c>docker build</c> would pin for the reference's tag (the index digest for multi-platform images), e.g. <c>sha256:…</c>.</summary>
    Task<ImageRegistryResult<string>> ResolveDigestAsync(string reference, CancellationToken cancellationToken);

    /// <summary>Normalized name, digest, platforms, created date and registry page of the reference.</summary>
    Task<ImageRegistryResult<ImageInfo>> GetImageInfoAsync(string reference, CancellationToken cancellationToken);

    /// <summary>The tags of the reference's repository (for tag completion).</summary>
    Task<ImageRegistryResult<IReadOnlyList<string>>> ListTagsAsync(string reference, CancellationToken cancellationToken);
}

/// <summary>
/// The outcome of an <see cref="IImageRegistry"/> call. Invariant: exactly one of <see cref="Value"/> and
/// <see cref="FailureReason"/> is non-null.
/// </summary>
public sealed record ImageRegistryResult<T>
    where T : class
{
    private ImageRegistryResult(T? value, string? failureReason)
    {
        Value = value;
        FailureReason = failureReason;
    }

    public T? Value { get; }

    /// <summary>Why the registry could not answer (never contains credentials).</summary>
    public string? FailureReason { get; }

    public bool IsSuccess => Value is not null;

    public static ImageRegistryResult<T> Success(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static ImageRegistryResult<T> Failure(string reason) => new(null, reason ?? throw new ArgumentNullException(nameof(reason)));
}

/// <summary>
/// Registry facts about one image reference, as hover shows them. <see cref="Digest"/> is the digest of the tag (index
/// digest for multi-platform images); <see cref="Platforms"/> are <c>os/arch[/variant]</c> strings; <see cref="Created"/>
/// comes from the linux/amd64 (or only) image config and is null when the registry did not say.
/// </summary>
public sealed record ImageInfo(
    string NormalizedName,
    string? Digest,
    IReadOnlyList<string> Platforms,
    DateTimeOffset? Created,
    string? RegistryPageUrl);
