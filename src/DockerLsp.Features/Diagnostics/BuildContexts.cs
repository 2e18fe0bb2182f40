using DockerLsp.Analysis;

namespace DockerLsp.Features.Diagnostics;

/// <summary>
/// Supplies the build context of a Dockerfile on disk (Features does no IO: the host implements it). Contract, because the engine's
/// <see cref="Analysis.Analyzers.AnalysisCache"/> compares the context by reference and drops every cached stage when it changes: return the SAME
/// instance for a directory until files in it change, then a new one (so that analyses refresh). Thread-safe.
/// </summary>
public interface IBuildContextProvider
{
    /// <summary>The build context of the Dockerfile at the absolute local path <paramref name="dockerfilePath"/>, or null when there is none.</summary>
    IBuildContext? GetBuildContext(string dockerfilePath);
}

/// <summary>How a code action touches a file other than the document (mirrors the engine's file edits in editor terms).</summary>
public enum FileChangeKind
{
    /// <summary>Create the file with the text; expected not to exist.</summary>
    Create,

    /// <summary>Append the text to the file, creating it when missing.</summary>
    Append,
}

/// <summary>
/// An edit to another file of the build context, by <see cref="RelativePath"/> (with '/') relative to the Dockerfile's directory,
/// e.g. <c>.dockerignore</c>.
/// </summary>
public sealed record FileChange(string RelativePath, FileChangeKind Kind, string Text)
{
    /// <summary>
    /// True when <see cref="RelativePath"/> stays inside the Dockerfile's directory: relative, not empty, no <c>..</c> segment, no
    /// drive or backslash. Pure string work; hosts must refuse other paths.
    /// </summary>
    public bool IsContained =>
        RelativePath.Length > 0 && !RelativePath.StartsWith('/') && !RelativePath.Contains('\\') && !RelativePath.Contains(':')
        && RelativePath.Split('/').All(segment => segment is not ("" or "." or ".."));
}
