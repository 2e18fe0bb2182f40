using System.Text;
using Moq;

namespace DockerLsp.Registry.Tests;

/// <summary>Reading the docker config; credential helpers only when enabled (and never a real process in tests).</summary>
public sealed class CredentialStoreTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("https://index.docker.io/v1/", "registry-1.docker.io")]
    [InlineData("ghcr.io", "ghcr.io")]
    [InlineData("https://ghcr.io", "ghcr.io")]
    [InlineData("http://localhost:5000/v2/", "localhost:5000")]
    public async Task ReadsBase64AuthForTheRegistryHost(string key, string registry)
    {
        var path = WriteConfig(Auths(key, Basic("alice", "s:e:c")));
        var store = new DockerConfigCredentialStore(path, enableHelpers: false, helper: null);

        var credential = await store.GetCredentialAsync(registry, CancellationToken.None);

        Assert.Equal(new RegistryCredential("alice", "s:e:c"), credential);
    }

    [Fact]
    public async Task UnknownHostsMissingFilesAndBrokenJsonMeanAnonymous()
    {
        var log = new LogCapture();
        var broken = WriteConfig("{ nope");
        var other = WriteConfig(Auths("ghcr.io", Basic("a", "b")), "other.json");

        Assert.Null(await new DockerConfigCredentialStore(other, false, null).GetCredentialAsync("quay.io", CancellationToken.None));
        Assert.Null(await new DockerConfigCredentialStore(_directory.File("missing.json"), false, null).GetCredentialAsync("ghcr.io", CancellationToken.None));
        Assert.Null(await new DockerConfigCredentialStore(broken, false, null, log.Sink).GetCredentialAsync("ghcr.io", CancellationToken.None));
        Assert.Contains(log.Lines, l => l.Contains("not valid JSON", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HelpersAreNotRunUnlessEnabled()
    {
        var path = WriteConfig(Auths("ghcr.io", Basic("file", "user"), "\"credsStore\":\"desktop\",\"credHelpers\":{\"ghcr.io\":\"gh\"},"));
        var helper = new Mock<ICredentialHelper>(MockBehavior.Strict);
        var store = new DockerConfigCredentialStore(path, enableHelpers: false, helper.Object);

        var credential = await store.GetCredentialAsync("ghcr.io", CancellationToken.None);

        Assert.Equal("file", credential?.Username);
        helper.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task TheClientLeavesHelpersOffByDefault()
    {
        var path = WriteConfig("""{"credsStore":"desktop"}""");
        var helper = new Mock<ICredentialHelper>(MockBehavior.Strict);
        var handler = new FakeHttpHandler(Sample.Registry());
        using var client = new RegistryClient(
            new RegistryClientOptions { DockerConfigPath = path, DiskCacheEnabled = false }, handler, credentialHelper: helper.Object);

        await client.ResolveDigestAsync(RegistryImageName.Parse("example.test/team/app:1.0"), CancellationToken.None);

        Assert.False(new RegistryClientOptions().EnableCredentialHelpers);
        helper.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task EnabledHelpersArePreferredPerHostThenCredsStore()
    {
        var path = WriteConfig("""{"credsStore":"desktop","credHelpers":{"ghcr.io":"gh"}}""");
        var helper = new Mock<ICredentialHelper>();
        helper.Setup(h => h.GetAsync("gh", "ghcr.io", It.IsAny<CancellationToken>())).ReturnsAsync(new RegistryCredential("gh-user", "gh-token"));
        helper.Setup(h => h.GetAsync("desktop", "https://index.docker.io/v1/", It.IsAny<CancellationToken>())).ReturnsAsync(new RegistryCredential("hub-user", "hub-pat"));
        var store = new DockerConfigCredentialStore(path, enableHelpers: true, helper.Object);

        Assert.Equal("gh-user", (await store.GetCredentialAsync("ghcr.io", CancellationToken.None))?.Username);
        Assert.Equal("hub-user", (await store.GetCredentialAsync("registry-1.docker.io", CancellationToken.None))?.Username);
        Assert.Null(await store.GetCredentialAsync("quay.io", CancellationToken.None)); // desktop helper has nothing: anonymous
    }

    [Fact]
    public async Task TheClientRunsHelpersWhenEnabled()
    {
        var path = WriteConfig("""{"credHelpers":{"example.test":"fake"}}""");
        var helper = new Mock<ICredentialHelper>();
        helper.Setup(h => h.GetAsync("fake", "example.test", It.IsAny<CancellationToken>())).ReturnsAsync(new RegistryCredential("u", "p"));
        var handler = new FakeHttpHandler(Sample.Registry(request => request.Headers.Authorization is null
            ? Respond.Status(System.Net.HttpStatusCode.Unauthorized, ("WWW-Authenticate", "Basic realm=\"r\""))
            : null));
        using var client = new RegistryClient(
            new RegistryClientOptions { DockerConfigPath = path, DiskCacheEnabled = false, EnableCredentialHelpers = true }, handler, credentialHelper: helper.Object);

        var result = await client.ResolveDigestAsync(RegistryImageName.Parse("example.test/team/app:1.0"), CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        helper.Verify(h => h.GetAsync("fake", "example.test", It.IsAny<CancellationToken>()), Times.AtLeastOnce);
    }

    [Fact]
    public async Task UnsafeHelperNamesAreRefusedWithoutStartingAProcess()
    {
        var log = new LogCapture();
        var helper = new ProcessCredentialHelper(TimeSpan.FromSeconds(1), log.Sink);

        Assert.Null(await helper.GetAsync("../../bin/sh", "ghcr.io", CancellationToken.None));
        Assert.Contains(log.Lines, l => l.Contains("ignoring credential helper name", StringComparison.Ordinal));
    }

    private string WriteConfig(string json, string name = "config.json")
    {
        var path = _directory.File(name);
        File.WriteAllText(path, json);
        return path;
    }

    private static string Auths(string key, string auth, string otherFields = "") =>
        "{" + otherFields + "\"auths\":{\"" + key + "\":{\"auth\":\"" + auth + "\"}}}";

    private static string Basic(string user, string password) => Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + password));
}
