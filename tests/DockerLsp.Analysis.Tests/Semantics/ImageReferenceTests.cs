using DockerLsp.Analysis.Semantics;
using Xunit;

namespace DockerLsp.Analysis.Tests.Semantics;

/// <summary>Docker's reference grammar and normalisation.</summary>
public sealed class ImageReferenceTests
{
    [Theory]
    [InlineData("nginx", "docker.io/library/nginx:latest", "nginx")]
    [InlineData("nginx:1.27", "docker.io/library/nginx:1.27", "nginx:1.27")]
    [InlineData("library/nginx", "docker.io/library/nginx:latest", "nginx")]
    [InlineData("docker.io/bitnami/redis:7", "docker.io/bitnami/redis:7", "bitnami/redis:7")]
    [InlineData("index.docker.io/library/ubuntu:24.04", "docker.io/library/ubuntu:24.04", "ubuntu:24.04")]
    [InlineData("localhost:5000/app", "localhost:5000/app:latest", "localhost:5000/app")]
    [InlineData("ghcr.io/owner/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "ghcr.io/owner/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "ghcr.io/owner/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/sdk:10.0", "mcr.microsoft.com/dotnet/sdk:10.0")]
    [InlineData("[::1]:5000/a/b:c", "[::1]:5000/a/b:c", "[::1]:5000/a/b:c")]
    public void Normalizes_like_Docker(string text, string fullyQualified, string familiar)
    {
        var reference = ImageReference.Parse(text);
        Assert.True(reference.IsValid, string.Join("; ", reference.Errors));
        Assert.Equal(fullyQualified, reference.FullyQualified);
        Assert.Equal(familiar, reference.FamiliarName);
    }

    [Theory]
    [InlineData("Nginx", "lowercase")]
    [InlineData("my_registry.com/app", "")]
    [InlineData("registry:abc/app", "port")]
    [InlineData("reg-.com/app", "registry host")]
    [InlineData("nginx:", "empty")]
    [InlineData("nginx:-1", "not a valid tag")]
    [InlineData("nginx@sha256:abc", "64")]
    [InlineData("nginx@md5", "algorithm")]
    [InlineData("a//b", "empty component")]
    [InlineData("a__b-c..d", "not a valid repository path component")]
    [InlineData("", "empty")]
    public void Rejects_invalid_references(string text, string messagePart)
    {
        var reference = ImageReference.Parse(text);
        if (messagePart.Length == 0)
        {
            // "my_registry.com" has a '.', so it is a registry, and '_' is not allowed in host names.
            Assert.False(reference.IsValid);
            return;
        }
        Assert.Contains(reference.Errors, e => e.Message.Contains(messagePart, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Variables_stay_symbolic()
    {
        var reference = ImageReference.Parse("${REGISTRY}/app:${TAG}");
        Assert.True(reference.HasVariables);
        Assert.True(reference.IsValid);
        Assert.Equal("${TAG}", reference.Tag);
    }

    [Fact]
    public void Scratch_is_recognised()
    {
        Assert.True(ImageReference.Parse("scratch").IsScratch);
        Assert.False(ImageReference.Parse("scratch:1").IsScratch);
    }
}
