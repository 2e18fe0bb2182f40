using System.Net;

namespace DockerLsp.Registry;

/// <summary>
/// Fetches content by digest and refuses anything whose bytes do not hash to that digest, so a compromised mirror or a
/// broken proxy cannot feed wrong platforms or configs into the editor.
/// </summary>
public sealed partial class RegistryClient
{
    /// <summary>GET a manifest or index by digest, verified; the media type comes from Content-Type or the body.</summary>
    private async Task<RegistryResult<FetchedManifest>> FetchManifestAsync(RegistryImageName image, OciDigest digest, CancellationToken cancellationToken)
    {
        var fetched = await FetchVerifiedAsync(image, "manifests/" + digest, digest, MediaTypes.ManifestAccept, cancellationToken).ConfigureAwait(false);
        if (!fetched.IsSuccess)
        {
            return fetched.Error;
        }

        var mediaType = ManifestReader.MediaTypeOf(fetched.Value.Header("Content-Type"), fetched.Value.Body);
        if (!MediaTypes.IsKnown(mediaType))
        {
            return RegistryError.InvalidResponse(
                $"{image.DisplayRegistry} returned a manifest of type '{mediaType}' for {digest}, which this client does not read");
        }

        return RegistryResult<FetchedManifest>.Success(new FetchedManifest(digest, mediaType, fetched.Value.Body), RegistryResultOrigin.Network, fetched.RetrievedAt);
    }

    /// <summary>GET a blob (e.g. an image config) by digest, verified.</summary>
    private async Task<RegistryResult<byte[]>> FetchBlobAsync(RegistryImageName image, OciDigest digest, CancellationToken cancellationToken)
    {
        var fetched = await FetchVerifiedAsync(image, "blobs/" + digest, digest, [], cancellationToken).ConfigureAwait(false);
        return fetched.IsSuccess
            ? RegistryResult<byte[]>.Success(fetched.Value.Body, RegistryResultOrigin.Network, fetched.RetrievedAt)
            : fetched.Error;
    }

    private async Task<RegistryResult<RegistryResponse>> FetchVerifiedAsync(
        RegistryImageName image, string relativePath, OciDigest digest, IReadOnlyList<string> accept, CancellationToken cancellationToken)
    {
        if (!digest.IsVerifiable)
        {
            return RegistryError.InvalidResponse($"cannot verify content with a {digest.Algorithm} digest ({digest})");
        }

        var sent = await SendToRegistryAsync(image, HttpMethod.Get, RegistryUri(image, relativePath), accept, cancellationToken).ConfigureAwait(false);
        if (!sent.IsSuccess)
        {
            return sent.Error;
        }

        if (sent.Value.Status != HttpStatusCode.OK)
        {
            return FailureFor(sent.Value, image, $"{image.Repository}@{digest}");
        }

        if (!digest.Matches(sent.Value.Body))
        {
            return RegistryError.InvalidResponse(
                $"{image.DisplayRegistry} sent content for {digest} whose sha256 is {OciDigest.Sha256Of(sent.Value.Body)}; rejected as corrupt or tampered");
        }

        return sent;
    }

    /// <summary>A verified manifest or index body with its digest and media type.</summary>
    private sealed record FetchedManifest(OciDigest Digest, string MediaType, byte[] Body);
}
