using System.Collections.Immutable;

namespace DockerLsp.Analysis.Semantics;

/// <summary>A problem with an image reference, located by offsets into <see cref="ImageReference.Original"/>.</summary>
public readonly record struct ImageReferenceError(string Message, int Start, int Length);

/// <summary>
/// An image reference split and normalised as Docker does (<c>nginx</c> is <c>docker.io/library/nginx:latest</c>): registry
/// (domain with optional port), repository path, tag, digest. References that still contain variables after expansion stay
/// symbolic (<see cref="HasVariables"/>) and are not validated. Immutable; <see cref="Errors"/> lists every grammar violation.
/// </summary>
public sealed partial class ImageReference
{
    public const string DefaultRegistry = "docker.io";
    public const string DefaultTag = "latest";

    private ImageReference(string original, string? registry, string repository, string? tag, string? digest, bool hasVariables,
        int repositoryStart, int tagStart, int digestStart, ImmutableArray<ImageReferenceError> errors)
    {
        Original = original;
        Registry = registry;
        Repository = repository;
        Tag = tag;
        Digest = digest;
        HasVariables = hasVariables;
        RepositoryStart = repositoryStart;
        TagStart = tagStart;
        DigestStart = digestStart;
        Errors = errors;
    }

    /// <summary>The text as given (after variable expansion, when the caller expanded it).</summary>
    public string Original { get; }

    /// <summary>The registry as written (null when implied).</summary>
    public string? Registry { get; }

    /// <summary>The repository path as written (<c>nginx</c>, <c>library/nginx</c>, <c>myorg/app</c>).</summary>
    public string Repository { get; }
    public string? Tag { get; }
    public string? Digest { get; }
    public bool HasVariables { get; }

    /// <summary>Offset of the repository in <see cref="Original"/>; of the tag and digest (after ':' and '@'), or -1.</summary>
    public int RepositoryStart { get; }
    public int TagStart { get; }
    public int DigestStart { get; }

    public ImmutableArray<ImageReferenceError> Errors { get; }
    public bool IsValid => Errors.IsEmpty;

    /// <summary>True for the reserved empty base <c>scratch</c>.</summary>
    public bool IsScratch => Registry is null && Tag is null && Digest is null && string.Equals(Repository, "scratch", StringComparison.OrdinalIgnoreCase);

    /// <summary>The registry with Docker Hub's legacy names folded into <c>docker.io</c>.</summary>
    public string NormalizedRegistry => Registry is null or "index.docker.io" or "registry-1.docker.io" ? DefaultRegistry : Registry;

    /// <summary>The repository with <c>library/</c> added for official Docker Hub images.</summary>
    public string NormalizedRepository => NormalizedRegistry == DefaultRegistry && !Repository.Contains('/') ? "library/" + Repository : Repository;

    /// <summary>The tag, or <c>latest</c> when neither tag nor digest is given.</summary>
    public string? EffectiveTag => Tag ?? (Digest is null ? DefaultTag : null);

    /// <summary>Fully qualified: <c>docker.io/library/nginx:latest</c>, <c>ghcr.io/o/app:1@sha256:...</c>.</summary>
    public string FullyQualified => NormalizedRegistry + "/" + NormalizedRepository + (EffectiveTag is { } tag ? ":" + tag : "") + (Digest is { } digest ? "@" + digest : "");

    /// <summary>The short form Docker prints (<c>nginx</c>, <c>myorg/app:1</c>).</summary>
    public string FamiliarName => (NormalizedRegistry == DefaultRegistry
        ? (Repository.StartsWith("library/", StringComparison.Ordinal) ? Repository["library/".Length..] : Repository)
        : Registry + "/" + Repository) + (Tag is { } t ? ":" + t : "") + (Digest is { } d ? "@" + d : "");

    public override string ToString() => Original;
}
