using DockerLsp.Registry.Tests;
using DockerLsp.Cli.Registry;
using DockerLsp.Registry;
using Xunit;

namespace DockerLsp.Cli.Tests.Registry;

/// <summary>The Features adapter over the real client, against the real docker-registry: hover facts and tags.</summary>
public sealed class RegistryImageRegistryTests : IClassFixture<CliRegistryFixture>
{
    private readonly CliRegistryFixture _registry;

    public RegistryImageRegistryTests(CliRegistryFixture registry) => _registry = registry;

    private RegistryImageRegistry Create() => new(new RegistryClient(new RegistryClientOptions { DiskCacheEnabled = false }), ownsClient: true);

    [Fact]
    public async Task Image_info_has_the_index_digest_platforms_and_created_date()
    {
        using var adapter = Create();
        var reference = $"{_registry.Authority}/{CliRegistryFixture.Repository}:{CliRegistryFixture.Tag}";
        var info = await adapter.GetImageInfoAsync(reference, CancellationToken.None);
        Assert.True(info.IsSuccess, info.FailureReason);
        Assert.Equal(_registry.IndexDigest, info.Value!.Digest);
        Assert.Contains("linux/amd64", info.Value.Platforms);
        Assert.Contains("linux/arm64/v8", info.Value.Platforms);
        Assert.Equal($"{_registry.Authority}/{CliRegistryFixture.Repository}:{CliRegistryFixture.Tag}", info.Value.NormalizedName);
        Assert.Null(info.Value.RegistryPageUrl);

        var digest = await adapter.ResolveDigestAsync(reference, CancellationToken.None);
        Assert.Equal(_registry.IndexDigest, digest.Value);
    }

    [Fact]
    public async Task Tags_and_failures_come_through()
    {
        using var adapter = Create();
        var tags = await adapter.ListTagsAsync($"{_registry.Authority}/{CliRegistryFixture.Repository}", CancellationToken.None);
        Assert.Contains(CliRegistryFixture.Tag, tags.Value!);

        var missing = await adapter.ResolveDigestAsync($"{_registry.Authority}/library/missing:1", CancellationToken.None);
        Assert.False(missing.IsSuccess);
        Assert.False(string.IsNullOrEmpty(missing.FailureReason));
    }

    [Fact]
    public void Registry_pages_of_well_known_registries()
    {
        Assert.Equal("https://hub.docker.com/_/nginx", RegistryImageRegistry.RegistryPageUrl(RegistryImageName.Parse("nginx:1.27")));
        Assert.Equal("https://hub.docker.com/r/bitnami/redis", RegistryImageRegistry.RegistryPageUrl(RegistryImageName.Parse("bitnami/redis")));
        Assert.Equal("https://quay.io/repository/prometheus/node-exporter", RegistryImageRegistry.RegistryPageUrl(RegistryImageName.Parse("quay.io/prometheus/node-exporter")));
    }
}
