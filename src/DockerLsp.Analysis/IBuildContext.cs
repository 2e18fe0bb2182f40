namespace DockerLsp.Analysis;

/// <summary>
/// Read access to the build context directory of a Dockerfile, supplied by the host (CLI or server), because Analysis
/// does no IO. Paths are relative to the context root and use <c>/</c>. Implementations must be safe to call from
/// several threads and should answer from a cache: analyzers call them on every analysis.
/// </summary>
public interface IBuildContext
{
    /// <summary>True when a file exists at <paramref name="relativePath"/> in the context.</summary>
    bool FileExists(string relativePath);

    /// <summary>The text of a small file in the context (such as <c>.dockerignore</c>), or null when it does not exist or cannot be read.</summary>
    string? ReadAllText(string relativePath);
}
