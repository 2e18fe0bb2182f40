namespace DockerLsp.Registry;

/// <summary>
/// String-taking conveniences over <see cref="IRegistryClient"/>: they parse the reference and report an invalid one
/// as <see cref="RegistryErrorKind.InvalidReference"/> instead of throwing.
/// </summary>
public static class RegistryClientExtensions
{
    public static Task<RegistryResult<ResolvedDigest>> ResolveDigestAsync(this IRegistryClient client, string reference, CancellationToken cancellationToken) =>
        RegistryImageName.TryParse(reference, out var image, out var error)
            ? client.ResolveDigestAsync(image, cancellationToken)
            : Task.FromResult<RegistryResult<ResolvedDigest>>(RegistryError.InvalidReference(error));

    public static Task<RegistryResult<TagList>> ListTagsAsync(this IRegistryClient client, string reference, CancellationToken cancellationToken) =>
        RegistryImageName.TryParse(reference, out var image, out var error)
            ? client.ListTagsAsync(image, cancellationToken)
            : Task.FromResult<RegistryResult<TagList>>(RegistryError.InvalidReference(error));

    public static Task<RegistryResult<PlatformList>> GetPlatformsAsync(this IRegistryClient client, string reference, CancellationToken cancellationToken) =>
        RegistryImageName.TryParse(reference, out var image, out var error)
            ? client.GetPlatformsAsync(image, cancellationToken)
            : Task.FromResult<RegistryResult<PlatformList>>(RegistryError.InvalidReference(error));

    public static Task<RegistryResult<ImageConfigSummary>> GetImageConfigAsync(
        this IRegistryClient client, string reference, ImagePlatform? platform, CancellationToken cancellationToken) =>
        RegistryImageName.TryParse(reference, out var image, out var error)
            ? client.GetImageConfigAsync(image, platform, cancellationToken)
            : Task.FromResult<RegistryResult<ImageConfigSummary>>(RegistryError.InvalidReference(error));
}
