namespace DockerLsp.Registry.Tests;

/// <summary>Normalization and validation of image references, as a table of inputs and expected parts.</summary>
public sealed class ImageReferenceTests
{
    private const string Sha = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("nginx", "registry-1.docker.io", "library/nginx", "latest", null, "docker.io/library/nginx:latest")]
    [InlineData("nginx:1.25-alpine", "registry-1.docker.io", "library/nginx", "1.25-alpine", null, "docker.io/library/nginx:1.25-alpine")]
    [InlineData("docker.io/nginx", "registry-1.docker.io", "library/nginx", "latest", null, "docker.io/library/nginx:latest")]
    [InlineData("index.docker.io/library/nginx", "registry-1.docker.io", "library/nginx", "latest", null, "docker.io/library/nginx:latest")]
    [InlineData("user/app", "registry-1.docker.io", "user/app", "latest", null, "docker.io/user/app:latest")]
    [InlineData("user/app:v1.2_3", "registry-1.docker.io", "user/app", "v1.2_3", null, "docker.io/user/app:v1.2_3")]
    [InlineData("ghcr.io/o/r:tag", "ghcr.io", "o/r", "tag", null, "ghcr.io/o/r:tag")]
    [InlineData("localhost:5000/x", "localhost:5000", "x", "latest", null, "localhost:5000/x:latest")]
    [InlineData("localhost/x", "localhost", "x", "latest", null, "localhost/x:latest")]
    [InlineData("127.0.0.1:41234/x@" + Sha, "127.0.0.1:41234", "x", null, Sha, "127.0.0.1:41234/x@" + Sha)]
    [InlineData("127.0.0.1:41234/x:1@" + Sha, "127.0.0.1:41234", "x", "1", Sha, "127.0.0.1:41234/x:1@" + Sha)]
    [InlineData("[::1]:5000/a/b", "[::1]:5000", "a/b", "latest", null, "[::1]:5000/a/b:latest")]
    [InlineData("Registry.Example/a", "Registry.Example", "a", "latest", null, "Registry.Example/a:latest")]
    [InlineData("a.b/c__d/e-f/g---h.i:T", "a.b", "c__d/e-f/g---h.i", "T", null, "a.b/c__d/e-f/g---h.i:T")]
    [InlineData("nginx@" + Sha, "registry-1.docker.io", "library/nginx", null, Sha, "docker.io/library/nginx@" + Sha)]
    public void Normalizes(string input, string registry, string repository, string? tag, string? digest, string canonical)
    {
        Assert.True(RegistryImageName.TryParse(input, out var name, out var error), error);
        Assert.Equal(registry, name.Registry);
        Assert.Equal(repository, name.Repository);
        Assert.Equal(tag, name.Tag);
        Assert.Equal(digest, name.Digest?.ToString());
        Assert.Equal(canonical, name.ToString());
    }

    [Fact]
    public void DockerHubHasADisplayNameDifferentFromItsApiHost()
    {
        var name = RegistryImageName.Parse("nginx");
        Assert.True(name.IsDockerHub);
        Assert.Equal("docker.io", name.DisplayRegistry);
        Assert.Equal("registry-1.docker.io/library/nginx", name.RepositoryKey);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("Nginx", "lowercase")]
    [InlineData("user/App", "lowercase")]
    [InlineData("nginx:", "invalid tag")]
    [InlineData("nginx:-x", "invalid tag")]
    [InlineData("nginx:.x", "invalid tag")]
    [InlineData("nginx:a/b", "not a port")] // a colon before the last slash belongs to a host:port
    [InlineData("a//b", "empty path component")]
    [InlineData("a/b/", "empty path component")]
    [InlineData("-a", "may hold only")]
    [InlineData("a-", "may hold only")]
    [InlineData("a..b", "may hold only")]
    [InlineData("a___b", "may hold only")]
    [InlineData("nginx@sha256:abc", "64 lowercase hex")]
    [InlineData("nginx@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", "64 lowercase hex")]
    [InlineData("nginx@md5", "not a digest")]
    [InlineData("host:99999/x", "not a port")]
    [InlineData("-host.io/x", "invalid registry host")]
    [InlineData("ng inx", "whitespace")]
    [InlineData("[::1/x", "closing")]
    [InlineData("[1.2.3.4]/x", "not an IPv6")]
    public void RejectsInvalidReferencesWithAReason(string input, string expectedFragment)
    {
        Assert.False(RegistryImageName.TryParse(input, out _, out var error));
        Assert.Contains(expectedFragment, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void TagsAreLimitedTo128Characters()
    {
        Assert.True(RegistryImageName.TryParse("a:" + new string('t', 128), out _, out _));
        Assert.False(RegistryImageName.TryParse("a:" + new string('t', 129), out _, out _));
    }

    [Fact]
    public void NamesAreLimitedTo255Characters()
    {
        Assert.False(RegistryImageName.TryParse(new string('a', 256), out _, out var error));
        Assert.Contains("255", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StringOverloadsReportInvalidReferenceInsteadOfThrowing()
    {
        using var client = TestClients.Create(new FakeHttpHandler(_ => throw new InvalidOperationException("no network expected")));
        var result = await client.ResolveDigestAsync("Not/Valid", CancellationToken.None);
        Assert.Equal(RegistryErrorKind.InvalidReference, result.Error?.Kind);
    }
}
