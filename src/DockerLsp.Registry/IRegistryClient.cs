namespace DockerLsp.Registry;

/// <summary>
/// Questions an editor asks about base images, answered from an OCI distribution registry (or the cache).
/// Contract for every method: it returns a <see cref="RegistryResult{T}"/> for every expected outcome, including
/// network failures, refusals and rate limits; it never hangs (each HTTP exchange is bounded by
/// <see cref="RegistryClientOptions.RequestTimeout"/>); only cancellation through the <c>cancellationToken</c>
/// throws (<see cref="OperationCanceledException"/>). Implementations are safe for concurrent use.
/// </summary>
public interface IRegistryClient
{
    /// <summary>
    /// The digest <c>docker build</c> would pin for <paramref name="image"/>: for a multi-platform image the index /
    /// manifest list digest. Resolved with <c>HEAD</c> (which Docker Hub does not count as a pull); a reference that
    /// already carries a digest is answered without a lookup.
    /// </summary>
    Task<RegistryResult<ResolvedDigest>> ResolveDigestAsync(RegistryImageName image, CancellationToken cancellationToken);

    /// <summary>All tags of the image's repository (following <c>Link</c> pagination up to a page limit).</summary>
    Task<RegistryResult<TagList>> ListTagsAsync(RegistryImageName image, CancellationToken cancellationToken);

    /// <summary>The platforms the image is published for (one entry for a single-platform image).</summary>
    Task<RegistryResult<PlatformList>> GetPlatformsAsync(RegistryImageName image, CancellationToken cancellationToken);

    /// <summary>
    /// Created date and platform from the image config of the manifest for <paramref name="platform"/>
    /// (default <c>linux/amd64</c>); a single-platform image answers with its only config.
    /// </summary>
    Task<RegistryResult<ImageConfigSummary>> GetImageConfigAsync(
        RegistryImageName image, ImagePlatform? platform, CancellationToken cancellationToken);
}
