namespace DockerLsp.Registry;

/// <summary>
/// The manifest media types the client asks for and understands. The order of <see cref="ManifestAccept"/> matters
/// in spirit (indexes first): a registry that is not told a client accepts indexes answers with a platform manifest
/// or a legacy schema1 manifest, whose digest is not what <c>docker build</c> pins.
/// </summary>
public static class MediaTypes
{
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    /// <summary>The Accept list for manifest requests, as <c>docker</c> and BuildKit send it.</summary>
    public static IReadOnlyList<string> ManifestAccept { get; } = [OciIndex, DockerManifestList, OciManifest, DockerManifest];

    public static bool IsIndex(string? mediaType) => Normalize(mediaType) is OciIndex or DockerManifestList;

    public static bool IsManifest(string? mediaType) => Normalize(mediaType) is OciManifest or DockerManifest;

    public static bool IsKnown(string? mediaType) => IsIndex(mediaType) || IsManifest(mediaType);

    /// <summary>Drops parameters such as <c>; charset=utf-8</c> and lowercases, so comparisons see the bare type.</summary>
    public static string Normalize(string? mediaType)
    {
        if (string.IsNullOrEmpty(mediaType))
        {
            return string.Empty;
        }

        var semicolon = mediaType.IndexOf(';', StringComparison.Ordinal);
        var bare = semicolon < 0 ? mediaType : mediaType[..semicolon];
        return bare.Trim().ToLowerInvariant();
    }
}
