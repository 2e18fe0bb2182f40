using Moq;

namespace DockerLsp.Registry.Tests;

/// <summary>
/// The Docker Hub flow against a real token-auth docker-registry: 401 + challenge, an anonymous pull token for exactly
/// <c>repository:&lt;name&gt;:pull</c>, reuse of the cached token, and refusal of bad credentials.
/// </summary>
[Collection(TokenRegistryCollection.Name)]
public sealed class TokenAuthRegistryTests(TokenRegistryFixture fixture)
{
    private RegistryImageName Image(string tagSuffix = "") =>
        RegistryImageName.Parse($"{fixture.Registry.Authority}/{TokenRegistryFixture.Repository}:{TokenRegistryFixture.Tag}{tagSuffix}");

    [Fact]
    public async Task AnonymousTokenFlowAsksForPullOnTheRepository()
    {
        using var client = new IntegrationClient();
        var before = fixture.Tokens.Requests.Count;

        var index = await client.Client.ResolveDigestAsync(Image(), CancellationToken.None);
        var amd64 = await client.Client.ResolveDigestAsync(Image("-amd64"), CancellationToken.None);

        Assert.True(index.IsSuccess, index.ToString());
        Assert.Equal(fixture.Image.IndexDigest, index.Value.Digest);
        Assert.Equal(fixture.Image.Amd64ManifestDigest, amd64.Value?.Digest);
        var token = Assert.Single(fixture.Tokens.Requests.Skip(before)); // the second lookup reused the cached token
        Assert.Equal(TokenServer.Service, token.Service);
        Assert.Equal(["repository:library/debian:pull"], token.Scopes);
        Assert.Null(token.User);
        Assert.Equal(4, client.RequestCount); // HEAD 401, token, HEAD 200; then HEAD 200 with the cached token
    }

    [Fact]
    public async Task BadCredentialsAreUnauthorizedWithAClearMessage()
    {
        using var client = new IntegrationClient(Credentials(TokenServer.User, "wrong-password-xyz"));

        var result = await client.Client.ResolveDigestAsync(Image(), CancellationToken.None);

        Assert.Equal(RegistryErrorKind.Unauthorized, result.Error?.Kind);
        Assert.Contains($"rejected the credentials of user '{TokenServer.User}'", result.Error!.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-xyz", result.Error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password-xyz", client.Log.All, StringComparison.Ordinal);
        Assert.Contains(fixture.Tokens.Requests, r => r.Error == "bad credentials");
    }

    [Fact]
    public async Task CredentialsGoToTheTokenServiceAndNothingSecretIsLogged()
    {
        using var client = new IntegrationClient(Credentials(TokenServer.User, TokenServer.Password));
        var before = fixture.Tokens.Requests.Count;

        var config = await client.Client.GetImageConfigAsync(Image(), new ImagePlatform("linux", "arm64"), CancellationToken.None);
        var tags = await client.Client.ListTagsAsync(Image(), CancellationToken.None);

        Assert.True(config.IsSuccess, config.ToString());
        Assert.Equal("v8", config.Value.Variant);
        Assert.True(tags.IsSuccess, tags.ToString());
        Assert.Contains(TokenRegistryFixture.Tag, tags.Value.Tags);
        var token = Assert.Single(fixture.Tokens.Requests.Skip(before));
        Assert.Equal(TokenServer.User, token.User);
        Assert.Equal(["repository:library/debian:pull"], token.Scopes); // pull is all we ask for, even with credentials

        Assert.NotEmpty(client.Log.Lines);
        Assert.DoesNotContain(TokenServer.Password, client.Log.All, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(TokenServer.User + ":" + TokenServer.Password)), client.Log.All, StringComparison.Ordinal);
        foreach (var issued in fixture.Tokens.IssuedTokens)
        {
            Assert.DoesNotContain(issued, client.Log.All, StringComparison.Ordinal);
            Assert.DoesNotContain(issued[..40], client.Log.All, StringComparison.Ordinal);
        }
    }

    private static ICredentialStore Credentials(string user, string password)
    {
        var store = new Mock<ICredentialStore>();
        store.Setup(s => s.GetCredentialAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).ReturnsAsync(new RegistryCredential(user, password));
        return store.Object;
    }
}
