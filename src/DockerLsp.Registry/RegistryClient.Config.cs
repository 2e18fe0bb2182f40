namespace DockerLsp.Registry;

/// <summary>
/// Image config for hover: resolve the tag, pick the platform manifest from the index (default <c>linux/amd64</c>),
/// then read and verify its config blob. Cached per (index digest, platform) like other content-derived answers.
/// </summary>
public sealed partial class RegistryClient
{
    public async Task<RegistryResult<ImageConfigSummary>> GetImageConfigAsync(
        RegistryImageName image, ImagePlatform? platform, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        var wanted = platform ?? ImagePlatform.LinuxAmd64;
        var resolved = await ResolveDigestAsync(image, cancellationToken).ConfigureAwait(false);
        if (!resolved.IsSuccess)
        {
            return resolved.Error;
        }

        var digest = resolved.Value.Digest;
        return await CachedAsync(
            $"config:{image.RepositoryKey}@{digest}/{wanted}",
            _options.ContentTtl,
            image,
            $"the {wanted} config of {image}",
            RegistryJsonContext.Default.CacheEnvelopeImageConfigSummary,
            ct => FetchConfigAsync(image, digest, wanted, ct),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<RegistryResult<ImageConfigSummary>> FetchConfigAsync(
        RegistryImageName image, OciDigest digest, ImagePlatform wanted, CancellationToken cancellationToken)
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

            var match = platforms.FirstOrDefault(p => p.Platform.Satisfies(wanted));
            if (match is null)
            {
                var offered = platforms.Count == 0 ? "none" : string.Join(", ", platforms.Select(p => p.Platform));
                return RegistryError.NotFound($"{image} has no {wanted} image (platforms: {offered})");
            }

            manifest = await FetchManifestAsync(image, match.Digest, cancellationToken).ConfigureAwait(false);
            if (!manifest.IsSuccess)
            {
                return manifest.Error;
            }

            if (!MediaTypes.IsManifest(manifest.Value.MediaType))
            {
                return RegistryError.InvalidResponse($"the {wanted} entry of {image} is a '{manifest.Value.MediaType}', not an image manifest");
            }
        }

        return await ReadConfigAsync(image, manifest.Value, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Fetches and reads the config blob an image manifest points to.</summary>
    private async Task<RegistryResult<ImageConfigSummary>> ReadConfigAsync(
        RegistryImageName image, FetchedManifest manifest, CancellationToken cancellationToken)
    {
        if (!ManifestReader.TryReadConfigDigest(manifest.Body, out var configDigest, out var error))
        {
            return RegistryError.InvalidResponse($"{image.DisplayRegistry} sent an unreadable manifest {manifest.Digest}: {error}");
        }

        var blob = await FetchBlobAsync(image, configDigest, cancellationToken).ConfigureAwait(false);
        if (!blob.IsSuccess)
        {
            return blob.Error;
        }

        if (!ManifestReader.TryReadConfig(blob.Value, out var config, out error))
        {
            return RegistryError.InvalidResponse($"{image.DisplayRegistry} sent an unreadable image config {configDigest}: {error}");
        }

        return RegistryResult<ImageConfigSummary>.Success(
            new ImageConfigSummary(config.Created, config.Os, config.Architecture, config.Variant, manifest.Digest, configDigest),
            RegistryResultOrigin.Network,
            blob.RetrievedAt);
    }
}
