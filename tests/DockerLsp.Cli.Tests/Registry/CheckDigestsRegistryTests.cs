using System.Text.Json.Nodes;
using DockerLsp.Cli.Tests.Check;
using DockerLsp.Cli.Tests.Infrastructure;
using Xunit;

namespace DockerLsp.Cli.Tests.Registry;

/// <summary><c>dockerlsp check --check-digests</c> against a real registry: DF506 in CI, with the registry flags of <c>fix</c>.</summary>
public sealed class CheckDigestsRegistryTests : IClassFixture<CliRegistryFixture>, IDisposable
{
    private readonly CliRegistryFixture _registry;
    private readonly TempDirectory _temp = new();

    public CheckDigestsRegistryTests(CliRegistryFixture registry) => _registry = registry;

    public void Dispose() => _temp.Dispose();

    private string Image => $"{_registry.Authority}/{CliRegistryFixture.Repository}:{CliRegistryFixture.Tag}";

    [Fact]
    public void Stale_digest_is_reported_as_DF506_with_the_update_fix()
    {
        var path = _temp.Write("Dockerfile", $"FROM {Image}@{_registry.Amd64ManifestDigest} AS base\nRUN true\n");

        var result = CliRunner.Run("check", "--no-config", "--check-digests", "--insecure-registry", _registry.Authority, "-f", "json", path);

        Assert.True(result.ExitCode == 0, result.StandardError);
        var finding = Assert.Single(JsonNode.Parse(result.StandardOutput)!.AsArray(), f => (string?)f!["ruleId"] == "DF506")!;
        Assert.Equal("info", (string?)finding["severity"]);
        Assert.True((bool?)finding["fixable"]);
        Assert.Contains(_registry.Amd64ManifestDigest, (string?)finding["message"], StringComparison.Ordinal);
        Assert.Contains(_registry.IndexDigest, (string?)finding["message"], StringComparison.Ordinal);
        Assert.Equal(0, (int?)finding["range"]!["start"]!["line"]);
        Assert.Equal(5, (int?)finding["range"]!["start"]!["character"]);

        // As a CI gate: the threshold applies to DF506 like to any rule; the text format shows the fix.
        var gate = CliRunner.Run("check", "--no-config", "--check-digests", "-t", "info", "--no-color", path);
        Assert.Equal(1, gate.ExitCode);
        Assert.Contains("info[DF506]", gate.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("= fix: Update digest", gate.StandardOutput, StringComparison.Ordinal);

        // Opt-in: without the flag nothing is looked up and DF506 is not reported; configuration can turn it off.
        Assert.DoesNotContain("DF506", CliRunner.Run("check", "--no-config", "-f", "json", path).StandardOutput, StringComparison.Ordinal);
        Assert.DoesNotContain("DF506", CliRunner.Run("check", "--no-config", "--check-digests", "--ignore", "DF506", "-f", "json", path).StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Current_digest_gives_no_finding()
    {
        var path = _temp.Write("Dockerfile", $"FROM {Image}@{_registry.IndexDigest}\n");
        var result = CliRunner.Run("check", "--no-config", "--check-digests", "-f", "json", path);
        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.DoesNotContain("DF506", result.StandardOutput, StringComparison.Ordinal);
        Assert.Equal("", result.StandardError);
    }

    [Fact]
    public void A_digest_the_registry_cannot_check_is_a_warning_not_a_failure()
    {
        var digest = _registry.IndexDigest;
        var path = _temp.Write("Dockerfile", $"FROM {_registry.Authority}/library/missing:1@{digest}\nFROM {_registry.Authority}/library/offline-only:1@{digest}\n");

        var result = CliRunner.Run("check", "--no-config", "--check-digests", "-f", "json", path);
        Assert.Equal(0, result.ExitCode);
        Assert.Contains(":1: digest not checked: cannot resolve", result.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("DF506", result.StandardOutput, StringComparison.Ordinal);

        var offline = CliRunner.Run("check", "--no-config", "--check-digests", "--offline", "-f", "json", path);
        Assert.Equal(0, offline.ExitCode);
        Assert.Contains(":2: digest not checked: cannot resolve", offline.StandardError, StringComparison.Ordinal);
    }
}
