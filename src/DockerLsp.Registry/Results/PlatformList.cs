namespace DockerLsp.Registry;

/// <summary>
/// The platforms an image offers. For an index / manifest list, one entry per platform manifest (attestation
/// manifests such as BuildKit's <c>unknown/unknown</c> provenance entries are left out); for a single-platform image,
/// the one platform its config declares, with the manifest's own digest.
/// </summary>
public sealed record PlatformList(OciDigest Digest, string MediaType, IReadOnlyList<PlatformManifest> Platforms)
{
    public bool IsIndex => MediaTypes.IsIndex(MediaType);
}

/// <summary>One platform-specific manifest of an image.</summary>
public sealed record PlatformManifest(ImagePlatform Platform, OciDigest Digest, string MediaType);
