namespace DockerLsp.Registry;

/// <summary>
/// What a tag points at: the digest <c>docker build</c> would pin, and the media type of that manifest.
/// Invariant: for multi-platform images the digest is the index / manifest list digest, never a platform manifest's.
/// <see cref="MediaType"/> is empty only when the reference already pinned the digest and no lookup was made.
/// </summary>
public sealed record ResolvedDigest(OciDigest Digest, string MediaType)
{
    /// <summary>True when the digest names an OCI image index or Docker manifest list (a multi-platform image).</summary>
    public bool IsIndex => MediaTypes.IsIndex(MediaType);
}
