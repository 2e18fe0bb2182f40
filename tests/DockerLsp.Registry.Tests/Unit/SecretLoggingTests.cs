using System.Net;
using System.Text;
using Moq;

namespace DockerLsp.Registry.Tests;

/// <summary>Passwords, Basic blobs and tokens never reach the diagnostics callback or error messages.</summary>
public sealed class SecretLoggingTests
{
    private const string Password = "p4ssw0rd-Never-Log";
    private const string Token = "eyJ-token-Never-Log-0123456789";
    private static readonly string BasicBlob = Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:" + Password));
    private static readonly RegistryImageName App = RegistryImageName.Parse("example.test/team/app:1.0");

    [Fact]
    public async Task TokenFlowWithCredentialsLogsNoSecret()
    {
        var log = new LogCapture();
        var handler = new FakeHttpHandler(request => request.RequestUri!.Host == "auth.example.test"
            ? Respond.Json(HttpStatusCode.OK, $$"""{"token":"{{Token}}","expires_in":300}""")
            : Sample.Registry(r => r.Headers.Authorization?.Parameter == Token
                ? null
                // A hostile or buggy registry echoing what it received must not make us log it.
                : Respond.Json(HttpStatusCode.Unauthorized, $$"""{"errors":[{"code":"UNAUTHORIZED","message":"got Bearer {{Token}} and {{Password}}"}]}""", ("WWW-Authenticate", "Bearer realm=\"https://auth.example.test/token\",service=\"s\"")))(request));
        using var client = TestClients.Create(handler, credentials: Credentials(), log: log);

        var ok = await client.ResolveDigestAsync(App, CancellationToken.None);
        var platforms = await client.GetPlatformsAsync(App, CancellationToken.None);

        Assert.True(ok.IsSuccess, ok.ToString());
        Assert.True(platforms.IsSuccess, platforms.ToString());
        Assert.NotEmpty(log.Lines);
        AssertNoSecret(log.All);
    }

    [Fact]
    public async Task EchoedSecretsAreScrubbedFromErrorsAndLog()
    {
        var log = new LogCapture();
        var handler = new FakeHttpHandler(request => request.RequestUri!.Host == "auth.example.test"
            ? Respond.Json(HttpStatusCode.OK, $$"""{"token":"{{Token}}"}""")
            : Respond.Json(HttpStatusCode.Unauthorized, $$"""{"errors":[{"code":"DENIED","message":"token {{Token}} / Basic {{BasicBlob}} / {{Password}} refused"}]}""", ("WWW-Authenticate", "Bearer realm=\"https://auth.example.test/token\"")));
        using var client = TestClients.Create(handler, credentials: Credentials(), log: log);

        var result = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.Unauthorized, result.Error?.Kind);
        AssertNoSecret(result.Error!.Message);
        AssertNoSecret(log.All);
    }

    [Fact]
    public async Task BasicAuthLogsNoSecret()
    {
        var log = new LogCapture();
        var handler = new FakeHttpHandler(Sample.Registry(request => request.Headers.Authorization?.Parameter == BasicBlob
            ? null
            : Respond.Status(HttpStatusCode.Unauthorized, ("WWW-Authenticate", "Basic realm=\"r\""))));
        using var client = TestClients.Create(handler, credentials: Credentials(), log: log);

        var result = await client.GetImageConfigAsync(App, null, CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        AssertNoSecret(log.All);
    }

    [Fact]
    public void SecretHoldersHideTheirSecretsInToString()
    {
        AssertNoSecret(new RegistryCredential("alice", Password).ToString());
        AssertNoSecret(new BearerToken(Token, DateTimeOffset.UnixEpoch).ToString());
        AssertNoSecret(new BearerTokenRequest(new Uri("https://a/t"), "s", "scope", new RegistryCredential("alice", Password)).ToString());
    }

    [Fact]
    public void TheLogRedactsAuthorizationValuesButKeepsChallenges()
    {
        var log = new RegistryLog(_ => { });
        Assert.Equal("sent Bearer *** then Basic ***", log.Redact("sent Bearer abc.def-ghi then Basic YWxpY2U6eA=="));
        Assert.Equal("challenge Bearer realm=\"https://a\",service=\"s\"", log.Redact("challenge Bearer realm=\"https://a\",service=\"s\""));
    }

    [Fact]
    public void AThrowingLogSinkIsHarmless()
    {
        var log = new RegistryLog(_ => throw new InvalidOperationException("sink broken"));
        log.Write("anything"); // must not throw
    }

    private static ICredentialStore Credentials()
    {
        var store = new Mock<ICredentialStore>();
        store.Setup(s => s.GetCredentialAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(new RegistryCredential("alice", Password));
        return store.Object;
    }

    private static void AssertNoSecret(string text)
    {
        Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
        Assert.DoesNotContain(Token, text, StringComparison.Ordinal);
        Assert.DoesNotContain(BasicBlob, text, StringComparison.Ordinal);
    }
}
