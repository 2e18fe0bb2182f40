namespace DockerLsp.Registry;

/// <summary>
/// Platforms of an image: resolve the tag (cached), then read the index by digest. Because the answer is derived from
/// content-addressed data it is cached per digest for <see cref="RegistryClientOptions.ContentTtl"/>; a moved tag
/// resolves to a new digest and so to a new entry.
/// </summary>
public sealed partial class RegistryClient
{
    public async Task<RegistryResult<PlatformList>> GetPlatformsAsync(RegistryImageName image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var resolved = await ResolveDigestAsync(image, cancellationToken).ConfigureAwait(false);
        if (!resolved.IsSuccess)
        {
            return resolved.Error;
        }

        var digest = resolved.Value.Digest;
        return await CachedAsync(
            $"platforms:{image.RepositoryKey}@{digest}",
            _options.ContentTtl,
            image,
            $"the platforms of {image}",
            RegistryJsonContext.Default.CacheEnvelopePlatformList,
            ct => FetchPlatformsAsync(image, digest, ct),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<RegistryResult<PlatformList>> FetchPlatformsAsync(RegistryImageName image, OciDigest digest, CancellationToken cancellationToken)
    {
        var manifest = await FetchManifestAsync(image, digest, cancellationToken).ConfigureAwait(false);
        if (!manifest.IsSuccess)
        {
            return manifest.Error;
        }

        if (MediaTypes.IsIndex(manifest.Value.MediaType))
        {
            if (!ManifestReader.TryReadIndex(manifest.Value.Body, out var platforms, out var error))
            {
                return RegistryError.InvalidResponse($"{image.DisplayRegistry} sent an unreadable index for {image}: {error}");
            }

            return RegistryResult<PlatformList>.Success(
                new PlatformList(digest, manifest.Value.MediaType, platforms), RegistryResultOrigin.Network, manifest.RetrievedAt);
        }

        // A single-platform image: its platform is written in the config blob, not in the manifest.
        var config = await ReadConfigAsync(image, manifest.Value, cancellationToken).ConfigureAwait(false);
        if (!config.IsSuccess)
        {
            return config.Error;
        }

        var only = new PlatformManifest(config.Value.Platform, digest, manifest.Value.MediaType);
        return RegistryResult<PlatformList>.Success(
            new PlatformList(digest, manifest.Value.MediaType, [only]), RegistryResultOrigin.Network, manifest.RetrievedAt);
    }
}
