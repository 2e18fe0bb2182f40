using System.Globalization;
using System.Net;

namespace DockerLsp.Registry;

/// <summary>
/// Tag listing: <c>GET /v2/&lt;name&gt;/tags/list?n=…</c>, then the <c>Link: &lt;…&gt;; rel="next"</c> pages. Pages are
/// followed only on the registry's own origin (a Link elsewhere would carry our token to another host) and only up to
/// <see cref="RegistryClientOptions.MaxTagPages"/>, so a registry cannot keep the client paging forever.
/// </summary>
public sealed partial class RegistryClient
{
    public Task<RegistryResult<TagList>> ListTagsAsync(RegistryImageName image, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(image);
        return CachedAsync(
            "tags:" + image.RepositoryKey,
            _options.TagListTtl,
            image,
            $"the tag list of {image.DisplayRegistry}/{image.Repository}",
            RegistryJsonContext.Default.CacheEnvelopeTagList,
            ct => FetchTagsAsync(image, ct),
            cancellationToken);
    }

    private async Task<RegistryResult<TagList>> FetchTagsAsync(RegistryImageName image, CancellationToken cancellationToken)
    {
        var origin = _schemes.RegistryBaseUri(image.Registry);
        Uri? page = RegistryUri(image, "tags/list?n=" + _options.TagPageSize.ToString(CultureInfo.InvariantCulture));
        var tags = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var retrievedAt = _time.GetUtcNow();
        for (var pages = 0; page is not null; pages++)
        {
            if (pages >= _options.MaxTagPages)
            {
                _log.Write($"tag list of {image.RepositoryKey} stopped after {pages} pages");
                return RegistryResult<TagList>.Success(new TagList(tags, IsTruncated: true), RegistryResultOrigin.Network, retrievedAt);
            }

            var sent = await SendToRegistryAsync(image, HttpMethod.Get, page, ["application/json"], cancellationToken).ConfigureAwait(false);
            if (!sent.IsSuccess)
            {
                return sent.Error;
            }

            if (sent.Value.Status != HttpStatusCode.OK)
            {
                return FailureFor(sent.Value, image, $"repository {image.Repository}");
            }

            if (!ManifestReader.TryReadTags(sent.Value.Body, out var pageTags, out var error))
            {
                return RegistryError.InvalidResponse($"{image.DisplayRegistry} sent an unreadable tag list for {image.Repository}: {error}");
            }

            tags.AddRange(pageTags.Where(seen.Add));
            (page, var refused) = NextPage(sent.Value, origin, image);
            if (refused)
            {
                return RegistryResult<TagList>.Success(new TagList(tags, IsTruncated: true), RegistryResultOrigin.Network, retrievedAt);
            }
        }

        return RegistryResult<TagList>.Success(new TagList(tags, IsTruncated: false), RegistryResultOrigin.Network, retrievedAt);
    }

    /// <summary>The next page on the same origin; <c>Refused</c> when there is one but it points elsewhere.</summary>
    private (Uri? Next, bool Refused) NextPage(RegistryResponse response, Uri origin, RegistryImageName image)
    {
        if (LinkHeader.FindNext(response.Header("Link")) is not { } next
            || !Uri.TryCreate(response.FinalUri, next, out var target))
        {
            return (null, false);
        }

        if (!string.Equals(target.Scheme, origin.Scheme, StringComparison.Ordinal)
            || !string.Equals(target.Authority, origin.Authority, StringComparison.OrdinalIgnoreCase))
        {
            _log.Write($"ignoring a tag-list Link of {image.DisplayRegistry} that points to another origin ({target.Scheme}://{target.Authority})");
            return (null, true);
        }

        return (target, false);
    }
}
