using System.Diagnostics.CodeAnalysis;

namespace DockerLsp.Registry;

/// <summary>
/// A normalized image reference as a registry sees it: the API host, the repository path, and a tag and/or digest.
/// Invariants: <see cref="Registry"/> is the host[:port] the API is called on (Docker Hub is <c>registry-1.docker.io</c>),
/// <see cref="Repository"/> is lowercase and valid (Docker Hub official images carry the <c>library/</c> prefix),
/// at least one of <see cref="Tag"/> and <see cref="Digest"/> is set (a bare name means tag <c>latest</c>).
/// Parsing is a small hand-written scanner (<see cref="ImageReferenceScanner"/>), not a regular expression.
/// </summary>
public sealed record RegistryImageName
{
    /// <summary>The host that serves Docker Hub's v2 API.</summary>
    public const string DockerHubRegistry = "registry-1.docker.io";

    /// <summary>The name people write for Docker Hub in references.</summary>
    public const string DockerHubDisplayName = "docker.io";

    internal RegistryImageName(string registry, string repository, string? tag, OciDigest? digest)
    {
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>host[:port] of the registry API, e.g. <c>registry-1.docker.io</c>, <c>ghcr.io</c>, <c>127.0.0.1:5000</c>.</summary>
    public string Registry { get; }

    /// <summary>Repository path inside the registry, e.g. <c>library/nginx</c>.</summary>
    public string Repository { get; }

    /// <summary>The tag, or null when the reference names only a digest.</summary>
    public string? Tag { get; }

    /// <summary>The digest the reference pins, if any; it wins over the tag when pulling.</summary>
    public OciDigest? Digest { get; }

    /// <summary>True for Docker Hub, whose display name (<c>docker.io</c>) differs from its API host.</summary>
    public bool IsDockerHub => Registry == DockerHubRegistry;

    /// <summary>The registry as people write it: <c>docker.io</c> for Docker Hub, the host otherwise.</summary>
    public string DisplayRegistry => IsDockerHub ? DockerHubDisplayName : Registry;

    /// <summary><c>registry/repository</c> without tag or digest: the identity of a repository, e.g. for tag lists.</summary>
    public string RepositoryKey => Registry + "/" + Repository;

    /// <summary>The fully qualified reference, e.g. <c>docker.io/library/nginx:latest</c>.</summary>
    public override string ToString()
    {
        var text = DisplayRegistry + "/" + Repository;
        if (Tag is not null)
        {
            text += ":" + Tag;
        }

        if (Digest is { } digest)
        {
            text += "@" + digest;
        }

        return text;
    }

    /// <summary>The same repository with another tag and no digest.</summary>
    public RegistryImageName WithTag(string tag) =>
        ImageReferenceScanner.IsValidTag(tag)
            ? new RegistryImageName(Registry, Repository, tag, digest: null)
            : throw new ArgumentException($"'{tag}' is not a valid tag", nameof(tag));

    /// <summary>The same repository pinned to <paramref name="digest"/> (the tag is kept for display).</summary>
    public RegistryImageName WithDigest(OciDigest digest) => new(Registry, Repository, Tag, digest);

    public static RegistryImageName Parse(string reference) =>
        TryParse(reference, out var name, out var error) ? name : throw new FormatException(error);

    /// <summary>
    /// Parses and normalizes a reference such as <c>nginx</c>, <c>user/app:1</c>, <c>ghcr.io/o/r:tag</c>,
    /// <c>localhost:5000/x</c> or <c>127.0.0.1:5000/x@sha256:…</c>. The error explains what is wrong in words.
    /// </summary>
    public static bool TryParse(
        string? reference,
        [NotNullWhen(true)] out RegistryImageName? name,
        [NotNullWhen(false)] out string? error) =>
        ImageReferenceScanner.TryParse(reference, out name, out error);
}
