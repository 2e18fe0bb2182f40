namespace DockerLsp.Registry.Tests;

/// <summary>HTTPS everywhere except loopback and registries the user listed as insecure.</summary>
public sealed class SchemePolicyTests
{
    private readonly SchemePolicy _policy = new(["insecure.example", "pinned.example:5000"]);

    [Theory]
    [InlineData("ghcr.io", "https://ghcr.io/")]
    [InlineData("registry-1.docker.io", "https://registry-1.docker.io/")]
    [InlineData("localhost:5000", "http://localhost:5000/")]
    [InlineData("127.0.0.1:5000", "http://127.0.0.1:5000/")]
    [InlineData("127.8.9.10", "http://127.8.9.10/")]
    [InlineData("[::1]:5000", "http://[::1]:5000/")]
    [InlineData("insecure.example:1234", "http://insecure.example:1234/")]
    [InlineData("pinned.example:5000", "http://pinned.example:5000/")]
    [InlineData("pinned.example:5001", "https://pinned.example:5001/")]
    [InlineData("128.0.0.1", "https://128.0.0.1/")]
    [InlineData("localhost.evil.example", "https://localhost.evil.example/")]
    public void ChoosesTheScheme(string registry, string expected) =>
        Assert.Equal(expected, _policy.RegistryBaseUri(registry).ToString());

    [Theory]
    [InlineData("https://anything.example/x", true)]
    [InlineData("http://anything.example/x", false)]
    [InlineData("http://127.0.0.1:9/x", true)]
    [InlineData("http://insecure.example/x", true)]
    [InlineData("ftp://127.0.0.1/x", false)]
    public void AllowsOnlySafeUris(string uri, bool allowed) => Assert.Equal(allowed, _policy.IsAllowed(new Uri(uri)));
}
