namespace DockerLsp.Registry;

/// <summary>
/// The facts from an image's config blob that hover shows: when it was built and for which platform.
/// <see cref="ManifestDigest"/> is the platform manifest the config came from; <see cref="ConfigDigest"/> the verified config blob.
/// </summary>
public sealed record ImageConfigSummary(
    DateTimeOffset? Created,
    string Os,
    string Architecture,
    string? Variant,
    OciDigest ManifestDigest,
    OciDigest ConfigDigest)
{
    public ImagePlatform Platform => new(Os, Architecture, Variant);
}
