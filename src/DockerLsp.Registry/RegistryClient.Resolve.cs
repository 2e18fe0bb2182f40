using System.Net;

namespace DockerLsp.Registry;

/// <summary>
/// Tag → digest, the way <c>docker build</c> pins a base image: <c>HEAD /v2/&lt;name&gt;/manifests/&lt;tag&gt;</c> with
/// the full manifest Accept list and the <c>Docker-Content-Digest</c> header. HEAD is used because Docker Hub counts
/// manifest GETs against pull limits; GET is the fallback only when HEAD gives no usable digest, and then the body's
/// sha256 must match the header.
/// </summary>
public sealed partial class RegistryClient
{
    public Task<RegistryResult<ResolvedDigest>> ResolveDigestAsync(RegistryImageName image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.Digest is { } pinned)
        {
            // The reference already says which content it means; the media type is unknown without a lookup.
            return Task.FromResult(RegistryResult<ResolvedDigest>.Success(new ResolvedDigest(pinned, ""), RegistryResultOrigin.Reference, _time.GetUtcNow()));
        }

        return CachedAsync(
            $"digest:{image.RepositoryKey}:{image.Tag}",
            _options.TagDigestTtl,
            image,
            $"the digest of {image}",
            RegistryJsonContext.Default.CacheEnvelopeResolvedDigest,
            ct => FetchDigestAsync(image, ct),
            cancellationToken);
    }

    private async Task<RegistryResult<ResolvedDigest>> FetchDigestAsync(RegistryImageName image, CancellationToken cancellationToken)
    {
        var uri = RegistryUri(image, "manifests/" + image.Tag);
        var head = await SendToRegistryAsync(image, HttpMethod.Head, uri, MediaTypes.ManifestAccept, cancellationToken).ConfigureAwait(false);
        if (!head.IsSuccess)
        {
            return head.Error;
        }

        if (head.Value.Status != HttpStatusCode.OK)
        {
            return FailureFor(head.Value, image, image.ToString());
        }

        var headerDigest = head.Value.Header("Docker-Content-Digest");
        var mediaType = MediaTypes.Normalize(head.Value.Header("Content-Type"));
        if (headerDigest is not null)
        {
            if (!OciDigest.TryParse(headerDigest, out var digest, out var digestError))
            {
                return RegistryError.InvalidResponse($"{image.DisplayRegistry} sent an invalid Docker-Content-Digest for {image}: {digestError}");
            }

            if (MediaTypes.IsKnown(mediaType))
            {
                return RegistryResult<ResolvedDigest>.Success(new ResolvedDigest(digest, mediaType), RegistryResultOrigin.Network, head.RetrievedAt);
            }
        }

        _log.Write($"HEAD {image} gave no usable digest/media type; falling back to GET");
        return await FetchDigestWithGetAsync(image, uri, cancellationToken).ConfigureAwait(false);
    }

    private async Task<RegistryResult<ResolvedDigest>> FetchDigestWithGetAsync(RegistryImageName image, Uri uri, CancellationToken cancellationToken)
    {
        var get = await SendToRegistryAsync(image, HttpMethod.Get, uri, MediaTypes.ManifestAccept, cancellationToken).ConfigureAwait(false);
        if (!get.IsSuccess)
        {
            return get.Error;
        }

        if (get.Value.Status != HttpStatusCode.OK)
        {
            return FailureFor(get.Value, image, image.ToString());
        }

        var body = get.Value.Body;
        var computed = OciDigest.Sha256Of(body);
        var digest = computed;
        if (get.Value.Header("Docker-Content-Digest") is { } headerDigest)
        {
            if (!OciDigest.TryParse(headerDigest, out digest, out var digestError))
            {
                return RegistryError.InvalidResponse($"{image.DisplayRegistry} sent an invalid Docker-Content-Digest for {image}: {digestError}");
            }

            if (!digest.Matches(body))
            {
                return RegistryError.InvalidResponse(
                    $"{image.DisplayRegistry} says {image} is {digest}, but the manifest it sent hashes to {computed}; rejected");
            }
        }

        var mediaType = ManifestReader.MediaTypeOf(get.Value.Header("Content-Type"), body);
        if (!MediaTypes.IsKnown(mediaType))
        {
            return RegistryError.InvalidResponse(
                $"{image.DisplayRegistry} answered {image} with a '{mediaType}' manifest (e.g. legacy schema 1), which cannot be pinned the way docker build pins");
        }

        return RegistryResult<ResolvedDigest>.Success(new ResolvedDigest(digest, mediaType), RegistryResultOrigin.Network, get.RetrievedAt);
    }
}
