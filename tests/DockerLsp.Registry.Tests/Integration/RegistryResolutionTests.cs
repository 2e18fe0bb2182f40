using System.Net;

namespace DockerLsp.Registry.Tests;

/// <summary>
/// Resolution against a real docker-registry: the pinned digest is the index digest the registry reports and the
/// sha256 of the pushed bytes; manifest lists pin the list; the Accept list matters; tags page; the cache answers repeats.
/// </summary>
[Collection(RegistryCollection.Name)]
public sealed class RegistryResolutionTests(RegistryFixture fixture)
{
    private static readonly string AcceptAll = string.Join(", ", MediaTypes.ManifestAccept);

    private RegistryImageName Image(string tagSuffix = "") =>
        RegistryImageName.Parse($"{fixture.Authority}/{RegistryFixture.Repository}:{RegistryFixture.Tag}{tagSuffix}");

    [Fact]
    public async Task PinsTheIndexDigestTheRegistryReports()
    {
        using var client = new IntegrationClient();

        var result = await client.Client.ResolveDigestAsync(Image(), CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(fixture.Image.IndexDigest, result.Value.Digest);
        Assert.Equal(OciDigest.Sha256Of(fixture.Image.IndexBytes), result.Value.Digest);
        Assert.Equal(MediaTypes.OciIndex, result.Value.MediaType);
        var (status, digest, _) = await RawHeadAsync(RegistryFixture.Tag, AcceptAll);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(digest, result.Value.Digest.ToString());
        Assert.Equal(1, client.RequestCount); // one HEAD, no GET
    }

    [Fact]
    public async Task DockerManifestListPinsTheListNotAPlatformManifest()
    {
        using var client = new IntegrationClient();

        var result = await client.Client.ResolveDigestAsync(Image("-docker"), CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(fixture.Image.DockerListDigest, result.Value.Digest);
        Assert.NotEqual(fixture.Image.DockerAmd64ManifestDigest, result.Value.Digest);
        Assert.Equal(MediaTypes.DockerManifestList, result.Value.MediaType);
        Assert.True(result.Value.IsIndex);
    }

    [Fact]
    public async Task SingleManifestTagsPinTheManifest()
    {
        using var client = new IntegrationClient();

        var result = await client.Client.ResolveDigestAsync(Image("-amd64"), CancellationToken.None);

        Assert.Equal(fixture.Image.Amd64ManifestDigest, result.Value?.Digest);
        Assert.False(result.Value!.IsIndex);
    }

    [Fact]
    public async Task AWrongAcceptListGivesADifferentAnswer()
    {
        // What a client gets without the full Accept list: a platform manifest's digest, a schema1 rewrite, or a 404.
        var dockerV2Only = await RawHeadAsync(RegistryFixture.Tag + "-docker", MediaTypes.DockerManifest);
        var noAcceptList = await RawHeadAsync(RegistryFixture.Tag + "-docker", null);
        var noAcceptIndex = await RawHeadAsync(RegistryFixture.Tag, null);
        var full = await RawHeadAsync(RegistryFixture.Tag + "-docker", AcceptAll);

        Assert.Equal(fixture.Image.DockerAmd64ManifestDigest.ToString(), dockerV2Only.Digest);
        Assert.NotEqual(fixture.Image.DockerListDigest.ToString(), noAcceptList.Digest);
        Assert.Equal(HttpStatusCode.NotFound, noAcceptIndex.Status);
        Assert.Equal(fixture.Image.DockerListDigest.ToString(), full.Digest);
    }

    [Fact]
    public async Task UnknownTagIsNotFound()
    {
        using var client = new IntegrationClient();

        var result = await client.Client.ResolveDigestAsync(Image().WithTag("no-such-tag"), CancellationToken.None);

        // A HEAD answer has no body, so there is no registry error code to repeat; the message names the reference.
        Assert.Equal(RegistryErrorKind.NotFound, result.Error?.Kind);
        Assert.Contains($"{fixture.Authority}/library/debian:no-such-tag not found on {fixture.Authority}", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListsAllTags()
    {
        // docker-registry 2.8.2 ignores ?n= on tags/list and answers in one page; Link paging is tested over a loopback
        // server in PaginationOverHttpTests.
        using var client = new IntegrationClient(configure: o => o with { TagPageSize = 2 });

        var result = await client.Client.ListTagsAsync(Image(), CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        string[] expected = [RegistryFixture.Tag, RegistryFixture.Tag + "-amd64", RegistryFixture.Tag + "-docker", .. RegistryFixture.ExtraTags];
        Assert.Equal(expected.Order(StringComparer.Ordinal), result.Value.Tags.Order(StringComparer.Ordinal));
        Assert.False(result.Value.IsTruncated);
    }

    [Fact]
    public async Task UnknownRepositoryHasNoTags()
    {
        using var client = new IntegrationClient();

        var result = await client.Client.ListTagsAsync(RegistryImageName.Parse(fixture.Authority + "/nobody/here"), CancellationToken.None);

        Assert.Equal(RegistryErrorKind.NotFound, result.Error?.Kind);
    }

    [Fact]
    public async Task ReadsPlatformsOfIndexesListsAndSingleManifests()
    {
        using var client = new IntegrationClient();

        var index = await client.Client.GetPlatformsAsync(Image(), CancellationToken.None);
        var list = await client.Client.GetPlatformsAsync(Image("-docker"), CancellationToken.None);
        var single = await client.Client.GetPlatformsAsync(Image("-amd64"), CancellationToken.None);

        Assert.True(index.IsSuccess, index.ToString());
        Assert.Equal(["linux/amd64", "linux/arm64/v8"], index.Value.Platforms.Select(p => p.Platform.ToString()));
        Assert.Equal([fixture.Image.Amd64ManifestDigest, fixture.Image.Arm64ManifestDigest], index.Value.Platforms.Select(p => p.Digest));
        Assert.Equal(["linux/amd64", "linux/arm64/v8"], list.Value?.Platforms.Select(p => p.Platform.ToString()));
        Assert.Equal("linux/amd64", Assert.Single(single.Value!.Platforms).Platform.ToString());
    }

    [Fact]
    public async Task ReadsTheImageConfigForHover()
    {
        using var client = new IntegrationClient();

        var amd64 = await client.Client.GetImageConfigAsync(Image(), null, CancellationToken.None);
        var arm64 = await client.Client.GetImageConfigAsync(Image("-docker"), new ImagePlatform("linux", "arm64"), CancellationToken.None);

        Assert.True(amd64.IsSuccess, amd64.ToString());
        Assert.Equal(DateTimeOffset.UnixEpoch, amd64.Value.Created);
        Assert.Equal("linux/amd64", amd64.Value.Platform.ToString());
        Assert.Equal(fixture.Image.Amd64ManifestDigest, amd64.Value.ManifestDigest);
        Assert.True(arm64.IsSuccess, arm64.ToString());
        Assert.Equal("linux/arm64/v8", arm64.Value.Platform.ToString());
    }

    [Fact]
    public async Task TheCacheAnswersTheSecondRequestWithoutTheNetwork()
    {
        using var client = new IntegrationClient();
        var first = await client.Client.ResolveDigestAsync(Image(), CancellationToken.None);
        var requestsAfterFirst = client.RequestCount;

        var second = await client.Client.ResolveDigestAsync(Image(), CancellationToken.None);

        Assert.Equal(RegistryResultOrigin.Network, first.Origin);
        Assert.Equal(RegistryResultOrigin.MemoryCache, second.Origin);
        Assert.Equal(first.Value?.Digest, second.Value?.Digest);
        Assert.Equal(requestsAfterFirst, client.RequestCount);

        using var offline = new IntegrationClient(configure: o => o with { Offline = true }, cacheDirectory: client.CacheDirectory);
        var fromDisk = await offline.Client.ResolveDigestAsync(Image(), CancellationToken.None);
        Assert.Equal(RegistryResultOrigin.DiskCache, fromDisk.Origin);
        Assert.Equal(first.Value?.Digest, fromDisk.Value?.Digest);
        Assert.Equal(0, offline.RequestCount);
    }

    private async Task<(HttpStatusCode Status, string? Digest, string? ContentType)> RawHeadAsync(string tag, string? accept)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Head, new Uri(fixture.Registry.BaseUri, $"v2/{RegistryFixture.Repository}/manifests/{tag}"));
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        using var response = await http.SendAsync(request);
        var digest = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.Single() : null;
        return (response.StatusCode, digest, response.Content.Headers.ContentType?.MediaType);
    }
}
