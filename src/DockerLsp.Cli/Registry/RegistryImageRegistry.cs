using DockerLsp.Features.Images;
using DockerLsp.Registry;

namespace DockerLsp.Cli.Registry;

/// <summary>
/// Adapts the Registry project's <see cref="IRegistryClient"/> to the Features-level <see cref="IImageRegistry"/>. Lives in
/// Cli because Cli is the only project referencing both (Features must stay free of IO). Failures keep the client's
/// message, which names the registry and never contains credentials. Disposing disposes the client when it is owned.
/// </summary>
public sealed class RegistryImageRegistry : IImageRegistry, IDisposable
{
    private readonly IRegistryClient _client;
    private readonly bool _ownsClient;

    public RegistryImageRegistry(IRegistryClient client, bool ownsClient = false)
    {
        _client = client ?? throw new ArgumentNullException(nameof(client));
        _ownsClient = ownsClient;
    }

    public void Dispose()
    {
        if (_ownsClient) (_client as IDisposable)?.Dispose();
    }

    public async Task<ImageRegistryResult<string>> ResolveDigestAsync(string reference, CancellationToken cancellationToken)
    {
        var result = await _client.ResolveDigestAsync(reference, cancellationToken).ConfigureAwait(false);
        return result.IsSuccess
            ? ImageRegistryResult<string>.Success(result.Value.Digest.ToString())
            : ImageRegistryResult<string>.Failure(result.Error.Message);
    }

    public async Task<ImageRegistryResult<ImageInfo>> GetImageInfoAsync(string reference, CancellationToken cancellationToken)
    {
        if (!RegistryImageName.TryParse(reference, out var image, out var parseError)) return ImageRegistryResult<ImageInfo>.Failure(parseError);
        var digest = await _client.ResolveDigestAsync(image, cancellationToken).ConfigureAwait(false);
        if (!digest.IsSuccess) return ImageRegistryResult<ImageInfo>.Failure(digest.Error.Message);
        // Platforms and the created date are extras: hover still shows the digest when they cannot be fetched.
        var platforms = await _client.GetPlatformsAsync(image, cancellationToken).ConfigureAwait(false);
        var config = await _client.GetImageConfigAsync(image, null, cancellationToken).ConfigureAwait(false);
        return ImageRegistryResult<ImageInfo>.Success(new ImageInfo(
            image.ToString(),
            digest.Value.Digest.ToString(),
            platforms.IsSuccess ? platforms.Value.Platforms.Select(p => p.Platform.ToString()).ToArray() : [],
            config.IsSuccess ? config.Value.Created : null,
            RegistryPageUrl(image)));
    }

    public async Task<ImageRegistryResult<IReadOnlyList<string>>> ListTagsAsync(string reference, CancellationToken cancellationToken)
    {
        var result = await _client.ListTagsAsync(reference, cancellationToken).ConfigureAwait(false);
        return result.IsSuccess
            ? ImageRegistryResult<IReadOnlyList<string>>.Success(result.Value.Tags)
            : ImageRegistryResult<IReadOnlyList<string>>.Failure(result.Error.Message);
    }

    /// <summary>The human page of the repository for well-known registries; null for others (their UI, if any, is unknown).</summary>
    public static string? RegistryPageUrl(RegistryImageName image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.IsDockerHub)
        {
            return image.Repository.StartsWith("library/", StringComparison.Ordinal)
                ? "https://hub.docker.com/_/" + image.Repository["library/".Length..]
                : "https://hub.docker.com/r/" + image.Repository;
        }
        return image.Registry switch
        {
            "quay.io" => "https://quay.io/repository/" + image.Repository,
            "ghcr.io" => "https://ghcr.io/" + image.Repository,
            "mcr.microsoft.com" => "https://mcr.microsoft.com/artifact/mar/" + image.Repository,
            _ => null,
        };
    }
}
