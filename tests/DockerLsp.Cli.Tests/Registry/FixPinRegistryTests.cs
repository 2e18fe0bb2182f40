using DockerLsp.Registry.Tests;
using DockerLsp.Cli.Tests.Check;
using DockerLsp.Cli.Tests.Infrastructure;
using Xunit;

namespace DockerLsp.Cli.Tests.Registry;

/// <summary>A real docker-registry with the test image pushed as <c>library/debian:bookworm-slim</c>, shared by the class.</summary>
public sealed class CliRegistryFixture : IAsyncLifetime
{
    public const string Repository = "library/debian";
    public const string Tag = "bookworm-slim";

    private RegistryProcess? _registry;

    public string Authority => (_registry ?? throw new InvalidOperationException("fixture not started")).Authority;

    /// <summary>The index digest computed locally from the exact bytes pushed (what the registry reports for the tag).</summary>
    public string IndexDigest { get; private set; } = "";

    /// <summary>The amd64 manifest's digest: a real digest of the repository that the tag does not point at (a stale pin).</summary>
    public string Amd64ManifestDigest { get; private set; } = "";

    public async Task InitializeAsync()
    {
        _registry = await RegistryProcess.StartAsync();
        using var http = new HttpClient();
        var image = await new TestImagePusher(http, _registry.BaseUri).PushAsync(Repository, Tag);
        IndexDigest = image.IndexDigest.ToString();
        Amd64ManifestDigest = image.Amd64ManifestDigest.ToString();
    }

    public async Task DisposeAsync()
    {
        if (_registry is not null) await _registry.DisposeAsync();
    }
}

/// <summary><c>dockerlsp fix --rule DF501</c> against a real registry: pins FROM, COPY --from and RUN --mount from images to the index digest.</summary>
public sealed class FixPinRegistryTests : IClassFixture<CliRegistryFixture>, IDisposable
{
    private readonly CliRegistryFixture _registry;
    private readonly TempDirectory _temp = new();

    public FixPinRegistryTests(CliRegistryFixture registry) => _registry = registry;

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Fix_rule_DF501_pins_every_external_image_to_the_index_digest()
    {
        var image = $"{_registry.Authority}/{CliRegistryFixture.Repository}:{CliRegistryFixture.Tag}";
        var path = _temp.Write("Dockerfile",
            $"FROM --platform=linux/amd64 {image} AS base\nRUN --mount=type=bind,from={image},target=/m true\nFROM base\nCOPY --from={image} /etc/os-release /x\n");

        var result = CliRunner.Run("fix", "--no-config", "--rule", "DF501", "--insecure-registry", _registry.Authority, path);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var pinned = $"{image}@{_registry.IndexDigest}";
        Assert.Equal(
            $"FROM --platform=linux/amd64 {pinned} AS base\nRUN --mount=type=bind,from={pinned},target=/m true\nFROM base\nCOPY --from={pinned} /etc/os-release /x\n",
            await File.ReadAllTextAsync(path));
        Assert.Contains("fixed 3 problems", result.StandardError, StringComparison.Ordinal);

        // Idempotent: a second run finds nothing left to pin.
        var again = CliRunner.Run("fix", "--no-config", "--rule", "DF501", path);
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("fixed", again.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_repository_is_reported_and_exits_2()
    {
        var path = _temp.Write("Dockerfile", $"FROM {_registry.Authority}/library/missing:1\n");
        var result = CliRunner.Run("fix", "--no-config", "--rule", "DF501", path);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(":1: not pinned: cannot resolve", result.StandardError, StringComparison.Ordinal);
        Assert.Equal($"FROM {_registry.Authority}/library/missing:1\n", File.ReadAllText(path));
    }

    [Fact]
    public void Unresolved_variable_is_refused_with_a_reason()
    {
        var path = _temp.Write("Dockerfile", "ARG IMAGE\nFROM $IMAGE\n");
        var result = CliRunner.Run("fix", "--no-config", "--rule", "DF501", "--offline", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(":2: not pinned: '$IMAGE' contains variables without a known value", result.StandardError, StringComparison.Ordinal);
    }
}
