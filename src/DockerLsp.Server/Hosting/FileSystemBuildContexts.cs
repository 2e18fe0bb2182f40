using System.Collections.Concurrent;
using DockerLsp.Analysis;
using DockerLsp.Features.Diagnostics;

namespace DockerLsp.Server.Hosting;

/// <summary>
/// The server's build contexts: for a Dockerfile on disk, its directory (what <c>docker build .</c> next to it uses). One
/// <see cref="DirectoryBuildContext"/> per directory, handed out again and again (the engine's analysis cache compares it by reference
/// and would drop every cached stage on a new one), and replaced only when files in that directory change
/// (<see cref="Invalidate"/>: <c>workspace/didChangeWatchedFiles</c>, or an edit the server applied). Thread-safe.
/// </summary>
internal sealed class FileSystemBuildContexts(IFileSystem fileSystem) : IBuildContextProvider
{
    /// <summary>How paths compare: case-sensitively on Linux, as the file systems of Windows and macOS do not by default.</summary>
    public static readonly StringComparison PathComparison = OperatingSystem.IsLinux() ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;

    /// <summary>
    /// Glob patterns of the files the rules read from a build context (DF306's ignore files and probes, DF307's dependency manifests),
    /// registered with the client's file watcher: a change to one of them refreshes the contexts that contain it.
    /// </summary>
    public static readonly string[] WatchedGlobs =
    [
        "**/.dockerignore", "**/*.dockerignore", "**/.env", "**/.git/HEAD", "**/node_modules/.package-lock.json",
        "**/package.json", "**/package-lock.json", "**/npm-shrinkwrap.json", "**/yarn.lock", "**/pnpm-lock.yaml", "**/pnpm-workspace.yaml",
        "**/.npmrc", "**/.yarnrc", "**/.yarnrc.yml", "**/*.txt", "**/pyproject.toml", "**/poetry.lock", "**/uv.lock", "**/Pipfile",
        "**/Pipfile.lock", "**/Gemfile", "**/Gemfile.lock", "**/go.mod", "**/go.sum", "**/composer.json", "**/composer.lock", "**/pom.xml",
        "**/.mvn/*.config", "**/Cargo.toml", "**/Cargo.lock", "**/*.csproj", "**/*.fsproj", "**/*.vbproj", "**/*.sln", "**/*.slnx",
        "**/[Nn]u[Gg]et.[Cc]onfig", "**/Directory.Build.props", "**/Directory.Packages.props", "**/Directory.Build.targets", "**/global.json",
    ];

    private readonly ConcurrentDictionary<string, DirectoryBuildContext> _contexts = new(StringComparer.FromComparison(PathComparison));

    public IBuildContext? GetBuildContext(string dockerfilePath)
    {
        var directory = Path.GetDirectoryName(dockerfilePath);
        if (string.IsNullOrEmpty(directory) || !Path.IsPathFullyQualified(directory)) return null;
        return _contexts.GetOrAdd(directory, static (root, files) => new DirectoryBuildContext(root, files), fileSystem);
    }

    /// <summary>
    /// Forgets the contexts whose directory contains one of <paramref name="changedPaths"/> (absolute local paths), so that the next
    /// analysis gets a new instance and reads the disk again. True when at least one context was dropped.
    /// </summary>
    public bool Invalidate(IEnumerable<string> changedPaths)
    {
        var dropped = false;
        foreach (var path in changedPaths)
        {
            foreach (var entry in _contexts)
            {
                if (DirectoryBuildContext.IsInside(entry.Key, path) && _contexts.TryRemove(entry)) dropped = true;
            }
        }
        return dropped;
    }
}

/// <summary>
/// The build context of a directory on disk, for hosts outside the server (the CLI's <c>check</c> and <c>fix</c>): the same
/// <see cref="DirectoryBuildContext"/> the editor uses, over the real file system.
/// </summary>
public static class DiskBuildContext
{
    /// <summary>A build context rooted at <paramref name="root"/> (cached answers; paths leaving the root are refused).</summary>
    public static IBuildContext ForDirectory(string root) => new DirectoryBuildContext(root, new PhysicalFileSystem());
}

/// <summary>
/// The build context rooted at one directory. Answers are cached for the life of the instance (rules ask on every analysis; a change
/// on disk makes the host hand out a new instance); paths escaping the root are refused. Reads go through <see cref="IFileSystem"/>; the CLI gets one through <see cref="DiskBuildContext"/>.
/// </summary>
internal sealed class DirectoryBuildContext(string root, IFileSystem fileSystem) : IBuildContext
{
    private readonly ConcurrentDictionary<string, bool> _exists = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string?> _texts = new(StringComparer.Ordinal);

    public string Root { get; } = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));

    public bool FileExists(string relativePath) =>
        _exists.GetOrAdd(relativePath, static (path, self) => self.Resolve(path) is { } full && self.Exists(full), this);

    public string? ReadAllText(string relativePath) =>
        _texts.GetOrAdd(relativePath, static (path, self) => self.Resolve(path) is { } full && self.Exists(full) ? self.Read(full) : null, this);

    /// <summary>The absolute path of <paramref name="relativePath"/> ('/'-separated), or null when it leaves the root.</summary>
    public string? Resolve(string relativePath)
    {
        if (string.IsNullOrEmpty(relativePath) || Path.IsPathRooted(relativePath)) return null;
        var full = Path.GetFullPath(Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        return IsInside(Root, full) ? full : null;
    }

    /// <summary>True when <paramref name="path"/> is strictly below <paramref name="directory"/>.</summary>
    public static bool IsInside(string directory, string path)
    {
        var prefix = Path.TrimEndingDirectorySeparator(directory) + Path.DirectorySeparatorChar;
        return path.Length > prefix.Length && path.StartsWith(prefix, FileSystemBuildContexts.PathComparison);
    }

    private bool Exists(string full)
    {
        try
        {
            return fileSystem.FileExists(full);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private string? Read(string full)
    {
        try
        {
            return fileSystem.ReadAllText(full);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
