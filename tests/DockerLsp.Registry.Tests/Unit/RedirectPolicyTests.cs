using System.Net;

namespace DockerLsp.Registry.Tests;

/// <summary>Redirects are followed by hand: HTTPS only, at most five, Authorization dropped when the host changes.</summary>
public sealed class RedirectPolicyTests
{
    private static readonly RegistryImageName App = RegistryImageName.Parse("example.test/team/app:1.0");

    [Fact]
    public async Task RefusesARedirectFromHttpsToHttp()
    {
        var handler = new FakeHttpHandler(request => request.RequestUri!.Host == "example.test"
            ? Respond.Status(HttpStatusCode.TemporaryRedirect, ("Location", "http://cdn.example.test/manifest"))
            : throw new InvalidOperationException("must not follow"));
        using var client = TestClients.Create(handler);

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.InsecureRefused, result.Error?.Kind);
        Assert.Contains("redirects may not lead to plain HTTP", result.Error!.Message, StringComparison.Ordinal);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task RefusesARedirectFromHttpsToLoopbackHttpToo()
    {
        var handler = new FakeHttpHandler(_ => Respond.Status(HttpStatusCode.Found, ("Location", "http://127.0.0.1:5000/x")));
        using var client = TestClients.Create(handler);

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.InsecureRefused, result.Error?.Kind);
    }

    [Fact]
    public async Task RefusesPlainHttpRegistriesThatAreNotListedAsInsecure()
    {
        // An http:// token realm on a public host is refused like a registry would be.
        var handler = new FakeHttpHandler(request => request.RequestUri!.Host == "example.test"
            ? Respond.Status(HttpStatusCode.Unauthorized, ("WWW-Authenticate", "Bearer realm=\"http://auth.example.test/token\",service=\"s\""))
            : throw new InvalidOperationException("must not call a plain-HTTP realm"));
        using var client = TestClients.Create(handler);

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.InsecureRefused, result.Error?.Kind);
        Assert.Contains("refusing plain HTTP to auth.example.test", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InsecureListAllowsPlainHttp()
    {
        var handler = new FakeHttpHandler(Sample.Registry());
        using var client = TestClients.Create(handler, configure: o => o with { InsecureRegistries = ["example.test"] });

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("http", handler.Requests.Single().Uri.Scheme);
    }

    [Fact]
    public async Task FollowsHttpsRedirectsAndDropsAuthorizationOnAnotherHost()
    {
        var registry = Sample.Registry(request => request.Headers.Authorization is null
            ? Respond.Status(HttpStatusCode.Unauthorized, ("WWW-Authenticate", "Bearer realm=\"https://auth.example.test/token\""))
            : null);
        var configDigest = OciDigest.Sha256Of(Sample.ConfigAmd64).ToString();
        var handler = new FakeHttpHandler(request => request.RequestUri!.Host switch
        {
            "auth.example.test" => Respond.Json(HttpStatusCode.OK, """{"token":"secret-token-value"}"""),
            "cdn.example.test" => Respond.Bytes(HttpStatusCode.OK, Sample.ConfigAmd64, "application/octet-stream"),
            _ when request.RequestUri.AbsolutePath.EndsWith(configDigest, StringComparison.Ordinal) && request.Headers.Authorization is not null
                => Respond.Status(HttpStatusCode.TemporaryRedirect, ("Location", "https://example.test/blob-hop")),
            _ when request.RequestUri.AbsolutePath == "/blob-hop" => Respond.Status(HttpStatusCode.Found, ("Location", "https://cdn.example.test/blob?sig=1")),
            _ => registry(request),
        });
        using var client = TestClients.Create(handler);

        var result = await client.GetImageConfigAsync(App.WithTag("1.0-amd64"), null, CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        var hop = handler.Requests.Single(r => r.Path == "/blob-hop");
        var cdn = handler.Requests.Single(r => r.Uri.Host == "cdn.example.test");
        Assert.Equal("Bearer secret-token-value", hop.Authorization); // same host: kept
        Assert.Null(cdn.Authorization); // another host: dropped
    }

    [Fact]
    public async Task GivesUpAfterFiveRedirects()
    {
        var handler = new FakeHttpHandler(request => Respond.Status(HttpStatusCode.MovedPermanently, ("Location", request.RequestUri + "x")));
        using var client = TestClients.Create(handler);

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Contains("redirected more than 5 times", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(6, handler.Requests.Count);
    }

    [Fact]
    public void TurnsOffAutomaticRedirectsOnInjectedHandlers()
    {
        using var sockets = new SocketsHttpHandler();
        using var client = new RegistryClient(new RegistryClientOptions { DiskCacheEnabled = false }, sockets, credentials: NoCredentialStore.Instance);
        Assert.False(sockets.AllowAutoRedirect);
    }
}
