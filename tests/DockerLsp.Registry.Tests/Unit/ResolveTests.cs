using System.Net;
using System.Text;

namespace DockerLsp.Registry.Tests;

/// <summary>Tag → digest with a fake registry: HEAD first, GET fallback with verification, and refusals of bad answers.</summary>
public sealed class ResolveTests
{
    private static readonly RegistryImageName App = RegistryImageName.Parse("example.test/team/app:1.0");

    [Fact]
    public async Task UsesHeadWithTheFullAcceptListAndPinsTheIndex()
    {
        var handler = new FakeHttpHandler(Sample.Registry());
        using var client = TestClients.Create(handler);

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(Sample.IndexDigest, result.Value.Digest);
        Assert.True(result.Value.IsIndex);
        Assert.Equal(RegistryResultOrigin.Network, result.Origin);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Head, request.Method);
        Assert.Equal("https://example.test/v2/team/app/manifests/1.0", request.Uri.ToString());
        Assert.Equal(MediaTypes.ManifestAccept, request.Accept);
    }

    [Fact]
    public async Task FallsBackToGetWhenHeadHasNoDigestAndVerifiesTheBody()
    {
        var handler = new FakeHttpHandler(request => request.Method == HttpMethod.Head
            ? Respond.Status(HttpStatusCode.OK)
            : Respond.Bytes(HttpStatusCode.OK, Sample.Index, MediaTypes.OciIndex));
        using var client = TestClients.Create(handler);

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(Sample.IndexDigest, result.Value.Digest);
        Assert.Equal([HttpMethod.Head, HttpMethod.Get], handler.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task RejectsABodyThatDoesNotMatchItsDigestHeader()
    {
        var wrong = OciDigest.Sha256Of("something else"u8).ToString();
        var handler = new FakeHttpHandler(request => request.Method == HttpMethod.Head
            ? Respond.Status(HttpStatusCode.OK)
            : Respond.Bytes(HttpStatusCode.OK, Sample.Index, MediaTypes.OciIndex, ("Docker-Content-Digest", wrong)));
        using var client = TestClients.Create(handler);

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Contains("hashes to", result.Error!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("sha256:ABC")]
    [InlineData("not-a-digest")]
    public async Task RejectsAnInvalidDigestHeader(string header)
    {
        var handler = new FakeHttpHandler(request => Respond.Bytes(HttpStatusCode.OK, [], MediaTypes.OciIndex, ("Docker-Content-Digest", header)));
        using var client = TestClients.Create(handler);

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Contains("invalid Docker-Content-Digest", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefusesLegacySchema1Manifests()
    {
        var schema1 = Encoding.UTF8.GetBytes("""{"schemaVersion":1,"name":"team/app","tag":"1.0"}""");
        var handler = new FakeHttpHandler(request => Respond.Manifest(request, schema1, "application/vnd.docker.distribution.manifest.v1+prettyjws"));
        using var client = TestClients.Create(handler);

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Contains("schema 1", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotFoundCarriesTheRegistryMessage()
    {
        using var client = TestClients.Create(new FakeHttpHandler(_ => Respond.NotFound()));

        var result = await client.ResolveDigestAsync(App.WithTag("nope"), CancellationToken.None);

        Assert.Equal(RegistryErrorKind.NotFound, result.Error?.Kind);
        Assert.Contains("example.test/team/app:nope not found on example.test", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PinnedReferencesNeedNoLookup()
    {
        var handler = new FakeHttpHandler(_ => throw new InvalidOperationException("no request expected"));
        using var client = TestClients.Create(handler);

        var result = await client.ResolveDigestAsync(App.WithDigest(Sample.IndexDigest), CancellationToken.None);

        Assert.Equal(Sample.IndexDigest, result.Value?.Digest);
        Assert.Equal(RegistryResultOrigin.Reference, result.Origin);
    }

    [Fact]
    public async Task OversizedBodiesAreRejected()
    {
        var big = new byte[2048];
        var handler = new FakeHttpHandler(request => request.Method == HttpMethod.Head
            ? Respond.Status(HttpStatusCode.OK)
            : Respond.Bytes(HttpStatusCode.OK, big, MediaTypes.OciIndex));
        using var client = TestClients.Create(handler, configure: o => o with { MaxManifestBytes = 1024 });

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Contains("more than 1024 bytes", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerErrorsAreUnreachable()
    {
        using var client = TestClients.Create(new FakeHttpHandler(_ => Respond.Status(HttpStatusCode.ServiceUnavailable)));

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.Unreachable, result.Error?.Kind);
        Assert.Contains("503", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallerCancellationThrows()
    {
        using var client = TestClients.Create(new FakeHttpHandler(Sample.Registry()));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.ResolveDigestAsync(App, cancelled.Token));
    }

    [Fact]
    public async Task ReadsPlatformsAndConfigFromAnIndex()
    {
        var handler = new FakeHttpHandler(Sample.Registry());
        using var client = TestClients.Create(handler);

        var platforms = await client.GetPlatformsAsync(App, CancellationToken.None);
        var config = await client.GetImageConfigAsync(App, new ImagePlatform("linux", "arm64"), CancellationToken.None);
        var missing = await client.GetImageConfigAsync(App, new ImagePlatform("windows", "amd64"), CancellationToken.None);

        Assert.True(platforms.IsSuccess, platforms.ToString());
        Assert.Equal(["linux/amd64", "linux/arm64/v8"], platforms.Value.Platforms.Select(p => p.Platform.ToString())); // attestation left out
        Assert.True(config.IsSuccess, config.ToString());
        Assert.Equal("v8", config.Value.Variant);
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 0, 0, 0, TimeSpan.Zero), config.Value.Created);
        Assert.Equal(OciDigest.Sha256Of(Sample.ManifestArm64), config.Value.ManifestDigest);
        Assert.Equal(RegistryErrorKind.NotFound, missing.Error?.Kind);
        Assert.Contains("linux/amd64, linux/arm64/v8", missing.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SinglePlatformImagesReportThePlatformOfTheirConfig()
    {
        using var client = TestClients.Create(new FakeHttpHandler(Sample.Registry()));

        var platforms = await client.GetPlatformsAsync(App.WithTag("1.0-amd64"), CancellationToken.None);

        Assert.True(platforms.IsSuccess, platforms.ToString());
        var only = Assert.Single(platforms.Value.Platforms);
        Assert.Equal("linux/amd64", only.Platform.ToString());
        Assert.Equal(OciDigest.Sha256Of(Sample.ManifestAmd64), only.Digest);
    }

    [Fact]
    public async Task TamperedBlobsAreRejected()
    {
        var configDigest = OciDigest.Sha256Of(Sample.ConfigAmd64).ToString();
        var inner = Sample.Registry();
        var handler = new FakeHttpHandler(request => request.RequestUri!.AbsolutePath.EndsWith(configDigest, StringComparison.Ordinal)
            ? Respond.Bytes(HttpStatusCode.OK, Encoding.UTF8.GetBytes("""{"os":"linux","architecture":"evil"}"""), "application/octet-stream")
            : inner(request));
        using var client = TestClients.Create(handler);

        var config = await client.GetImageConfigAsync(App, null, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.InvalidResponse, config.Error?.Kind);
        Assert.Contains("tampered", config.Error!.Message, StringComparison.Ordinal);
    }
}
