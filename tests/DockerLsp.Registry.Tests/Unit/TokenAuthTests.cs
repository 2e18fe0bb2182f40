using System.Net;
using System.Web;
using Moq;

namespace DockerLsp.Registry.Tests;

/// <summary>The 401 → token → retry flow, token caching and expiry on a controlled clock, Basic auth, and bad challenges.</summary>
public sealed class TokenAuthTests
{
    private const string Realm = "https://auth.example.test/token";
    private static readonly RegistryImageName App = RegistryImageName.Parse("example.test/team/app:1.0");

    [Fact]
    public async Task FetchesAnAnonymousTokenWithServiceAndScopeAndRetriesOnce()
    {
        var handler = BearerRegistry(expiresIn: 300, out var tokenRequests);
        using var client = TestClients.Create(handler);

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        var token = Assert.Single(tokenRequests);
        var query = HttpUtility.ParseQueryString(token.Uri.Query);
        Assert.Equal("registry.example.test", query["service"]);
        Assert.Equal("repository:team/app:pull", query["scope"]);
        Assert.Null(token.Authorization);
        var registryCalls = handler.Requests.Where(r => r.Uri.Host == "example.test").ToList();
        Assert.Equal([null, "Bearer token-1"], registryCalls.Select(r => r.Authorization));
    }

    [Fact]
    public async Task CachesTokensUntilExpiresInPasses()
    {
        var time = new ManualTimeProvider();
        var handler = BearerRegistry(expiresIn: 120, out var tokenRequests);
        using var client = TestClients.Create(handler, time, configure: o => o with { TagDigestTtl = TimeSpan.FromSeconds(1) });

        await client.ResolveDigestAsync(App, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(119));
        var second = await client.ResolveDigestAsync(App, CancellationToken.None);
        Assert.True(second.IsSuccess, second.ToString());
        Assert.Single(tokenRequests); // the cached token went out up front: no second 401, no second token

        time.Advance(TimeSpan.FromSeconds(2)); // now past expires_in
        var third = await client.ResolveDigestAsync(App, CancellationToken.None);
        Assert.True(third.IsSuccess, third.ToString());
        Assert.Equal(2, tokenRequests.Count);
        Assert.Equal("Bearer token-2", handler.Requests.Last().Authorization);
    }

    [Fact]
    public async Task TokenWithoutExpiresInLastsSixtySeconds()
    {
        var time = new ManualTimeProvider();
        var handler = BearerRegistry(expiresIn: null, out var tokenRequests);
        using var client = TestClients.Create(handler, time, configure: o => o with { TagDigestTtl = TimeSpan.FromSeconds(1) });

        await client.ResolveDigestAsync(App, CancellationToken.None);
        time.Advance(TimeSpan.FromSeconds(59));
        await client.ResolveDigestAsync(App, CancellationToken.None);
        Assert.Single(tokenRequests);
        time.Advance(TimeSpan.FromSeconds(1));
        await client.ResolveDigestAsync(App, CancellationToken.None);
        Assert.Equal(2, tokenRequests.Count);
    }

    [Fact]
    public async Task TokensAreCachedPerScope()
    {
        var handler = BearerRegistry(expiresIn: 300, out var tokenRequests);
        using var client = TestClients.Create(handler);

        await client.ResolveDigestAsync(App, CancellationToken.None);
        await client.ResolveDigestAsync(RegistryImageName.Parse("example.test/team/other:1.0"), CancellationToken.None);

        Assert.Equal(
            ["repository:team/app:pull", "repository:team/other:pull"],
            tokenRequests.Select(r => HttpUtility.ParseQueryString(r.Uri.Query)["scope"]));
    }

    [Fact]
    public async Task SendsConfiguredCredentialsToTheTokenServiceOnly()
    {
        var handler = BearerRegistry(expiresIn: 300, out var tokenRequests);
        var credentials = new Mock<ICredentialStore>();
        credentials.Setup(c => c.GetCredentialAsync("example.test", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new RegistryCredential("alice", "wonderland"));
        using var client = TestClients.Create(handler, credentials: credentials.Object);

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal("Basic YWxpY2U6d29uZGVybGFuZA==", Assert.Single(tokenRequests).Authorization);
        Assert.DoesNotContain(handler.Requests.Where(r => r.Uri.Host == "example.test"), r => r.Authorization?.StartsWith("Basic", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task UsesAnInjectedTokenSource()
    {
        var tokens = new Mock<IRegistryTokenSource>();
        tokens.Setup(t => t.GetTokenAsync(It.Is<BearerTokenRequest>(r => r.Scope == "repository:team/app:pull" && r.Service == "registry.example.test"), It.IsAny<CancellationToken>()))
            .ReturnsAsync(RegistryResult<BearerToken>.Success(new BearerToken("from-mock", DateTimeOffset.MaxValue), RegistryResultOrigin.Network, DateTimeOffset.UnixEpoch));
        var handler = new FakeHttpHandler(Sample.Registry(RequireBearer("from-mock")));
        using var client = new RegistryClient(
            new RegistryClientOptions { DiskCacheEnabled = false }, handler, new ManualTimeProvider(), NoCredentialStore.Instance, tokenSource: tokens.Object);

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        tokens.Verify(t => t.GetTokenAsync(It.IsAny<BearerTokenRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RejectedTokenAfterRetryIsUnauthorized()
    {
        var handler = new FakeHttpHandler(request => request.RequestUri!.Host == "auth.example.test"
            ? Respond.Json(HttpStatusCode.OK, """{"token":"useless"}""")
            : Respond.Json(HttpStatusCode.Unauthorized, """{"errors":[{"code":"DENIED","message":"requested access to the resource is denied"}]}""", ("WWW-Authenticate", $"Bearer realm=\"{Realm}\",service=\"s\"")));
        using var client = TestClients.Create(handler);

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.Unauthorized, result.Error?.Kind);
        Assert.Contains("even after authenticating", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(2, handler.Count(r => r.Uri.Host == "example.test")); // retried exactly once
    }

    [Fact]
    public async Task TokenServiceRefusingCredentialsIsUnauthorized()
    {
        var handler = new FakeHttpHandler(request => request.RequestUri!.Host == "auth.example.test"
            ? Respond.Json(HttpStatusCode.Unauthorized, """{"details":"incorrect username or password"}""")
            : Respond.Status(HttpStatusCode.Unauthorized, ("WWW-Authenticate", $"Bearer realm=\"{Realm}\",service=\"s\"")));
        var credentials = Mock.Of<ICredentialStore>(c => c.GetCredentialAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()) == Task.FromResult<RegistryCredential?>(new RegistryCredential("bob", "wrong")));
        using var client = TestClients.Create(handler, credentials: credentials);

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.Unauthorized, result.Error?.Kind);
        Assert.Contains("rejected the credentials of user 'bob'", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BasicChallengeUsesCredentialsOrExplainsWhatIsMissing()
    {
        var handler = new FakeHttpHandler(Sample.Registry(request =>
            request.Headers.Authorization?.ToString() == "Basic YWxpY2U6d29uZGVybGFuZA=="
                ? null
                : Respond.Status(HttpStatusCode.Unauthorized, ("WWW-Authenticate", "Basic realm=\"Registry Realm\""))));
        using var anonymous = TestClients.Create(handler);
        var credentials = Mock.Of<ICredentialStore>(c => c.GetCredentialAsync("example.test", It.IsAny<CancellationToken>()) == Task.FromResult<RegistryCredential?>(new RegistryCredential("alice", "wonderland")));
        using var withCredentials = TestClients.Create(handler, credentials: credentials);

        var refused = await anonymous.ResolveDigestAsync(App, CancellationToken.None);
        var resolved = await withCredentials.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.Unauthorized, refused.Error?.Kind);
        Assert.Contains("docker login example.test", refused.Error!.Message, StringComparison.Ordinal);
        Assert.True(resolved.IsSuccess, resolved.ToString());
    }

    [Theory]
    [InlineData("Bearer realm=\"https://auth.example.test/token", "cannot be understood")]
    [InlineData("Bearer service=\"s\"", "without a valid realm")]
    [InlineData("Bearer realm=\"/relative\"", "without a valid realm")]
    [InlineData("Digest realm=\"x\"", "does not support (Digest)")]
    public async Task MalformedOrUnusableChallengesGiveClearErrors(string challenge, string expected)
    {
        var handler = new FakeHttpHandler(_ => Respond.Status(HttpStatusCode.Unauthorized, ("WWW-Authenticate", challenge)));
        using var client = TestClients.Create(handler);

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.False(result.IsSuccess);
        Assert.Contains(expected, result.Error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingChallengeHeaderIsAnError()
    {
        using var client = TestClients.Create(new FakeHttpHandler(_ => Respond.Status(HttpStatusCode.Unauthorized)));

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.InvalidResponse, result.Error?.Kind);
        Assert.Contains("missing", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TokenUriKeepsTheRealmQuery()
    {
        var uri = RegistryTokenSource.TokenUri(new BearerTokenRequest(new Uri("https://a.example/token?x=1"), "svc one", "repository:a/b:pull", null));
        Assert.Equal("https://a.example/token?x=1&service=svc%20one&scope=repository%3Aa%2Fb%3Apull", uri.AbsoluteUri);
    }

    /// <summary>A registry that wants "Bearer token-N" and a token service issuing token-1, token-2, ….</summary>
    private static FakeHttpHandler BearerRegistry(int? expiresIn, out List<RecordedRequest> tokenRequests)
    {
        var issued = new List<RecordedRequest>();
        tokenRequests = issued;
        var valid = new HashSet<string>();
        var registry = Sample.Registry(request => request.Headers.Authorization is { Scheme: "Bearer" } auth && valid.Contains(auth.Parameter!)
            ? null
            : Respond.Status(HttpStatusCode.Unauthorized, ("WWW-Authenticate", $"Bearer realm=\"{Realm}\",service=\"registry.example.test\",scope=\"repository:team/app:pull\"")));
        return new FakeHttpHandler(request =>
        {
            if (request.RequestUri!.Host != "auth.example.test")
            {
                return registry(request);
            }

            issued.Add(new RecordedRequest(request.Method, request.RequestUri, request.Headers.Authorization?.ToString(), []));
            var token = "token-" + issued.Count;
            valid.Add(token);
            var expires = expiresIn is { } seconds ? $",\"expires_in\":{seconds}" : "";
            return Respond.Json(HttpStatusCode.OK, $$"""{"token":"{{token}}","access_token":"{{token}}"{{expires}},"issued_at":"2026-01-15T12:00:00Z"}""");
        });
    }

    private static Func<HttpRequestMessage, HttpResponseMessage?> RequireBearer(string token) => request =>
        request.Headers.Authorization?.ToString() == "Bearer " + token
            ? null
            : Respond.Status(HttpStatusCode.Unauthorized, ("WWW-Authenticate", $"Bearer realm=\"{Realm}\",service=\"registry.example.test\""));
}
