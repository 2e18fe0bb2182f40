using System.Collections.Immutable;

namespace DockerLsp.Features.Images;

/// <summary>
/// The editor's registry settings (<c>dockerlsp.registry.insecure</c>, <c>.offline</c>, <c>.timeoutSeconds</c>, <c>.checkDigests</c>), in
/// editor-neutral terms. The host turns them into a registry client; Features only compares them to know when to rebuild.
/// </summary>
public sealed record ImageRegistrySettings
{
    public static ImageRegistrySettings Default { get; } = new();

    /// <summary>Registries (<c>HOST</c> or <c>HOST:PORT</c>) reached over plain HTTP; loopback needs no entry.</summary>
    public ImmutableArray<string> Insecure { get; init; } = [];

    /// <summary>Never contact registries; answer from the cache only.</summary>
    public bool Offline { get; init; }

    /// <summary>Upper bound of one registry request, in seconds (1–120).</summary>
    public int TimeoutSeconds { get; init; } = 10;

    /// <summary>Opt-in online check DF506: look up the tags of pinned references and report digests that no longer match.</summary>
    public bool CheckDigests { get; init; }

    public bool Equals(ImageRegistrySettings? other) =>
        other is not null && Offline == other.Offline && CheckDigests == other.CheckDigests && TimeoutSeconds == other.TimeoutSeconds && Insecure.SequenceEqual(other.Insecure);

    public override int GetHashCode() => HashCode.Combine(Offline, TimeoutSeconds, Insecure.Length);
}
