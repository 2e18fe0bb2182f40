using System.Collections.Concurrent;
using DockerLsp.Analysis;

namespace DockerLsp.Cli.Output;

/// <summary>
/// The build context of a Dockerfile on disk: its directory (what <c>docker build .</c> next to it uses). Answers are cached,
/// because rules ask on every analysis; paths escaping the root are refused.
/// </summary>
public sealed class FileSystemBuildContext : IBuildContext
{
    private readonly string _root;
    private readonly ConcurrentDictionary<string, bool> _exists = new(StringComparer.Ordinal);

    public FileSystemBuildContext(string root)
    {
        _root = Path.GetFullPath(root);
    }

    public bool FileExists(string relativePath) =>
        _exists.GetOrAdd(relativePath, path => Resolve(path) is { } full && File.Exists(full));

    public string? ReadAllText(string relativePath)
    {
        if (Resolve(relativePath) is not { } full) return null;
        try
        {
            return File.Exists(full) ? File.ReadAllText(full) : null;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private string? Resolve(string relativePath)
    {
        var full = Path.GetFullPath(Path.Combine(_root, relativePath.Replace('/', Path.DirectorySeparatorChar)));
        // The root itself or below it: a bare prefix test would let "/a/bc" through for the root "/a/b".
        var root = Path.EndsInDirectorySeparator(_root) ? _root : _root + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal) || full == _root ? full : null;
    }
}
