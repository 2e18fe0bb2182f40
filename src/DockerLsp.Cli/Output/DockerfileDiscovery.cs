namespace DockerLsp.Cli.Output;

/// <summary>
/// Expands command-line paths into Dockerfiles: a file is taken as is; a directory is searched recursively for files whose
/// name (ignoring case) ends in <c>Dockerfile</c> or <c>Containerfile</c> (<c>Dockerfile</c>, <c>api.Dockerfile</c>,
/// <c>web_Dockerfile</c>) or continues it with '.' or '-' (<c>Dockerfile.prod</c>, <c>Dockerfile-windows</c>), except documents and
/// scripts (<c>.md</c>, <c>.txt</c>, <c>.sh</c>, ...), skipping hidden directories, <c>node_modules</c>, <c>bin</c>, <c>obj</c> and
/// symbolic links to directories;
/// <c>-</c> is standard input. The order is stable
/// (as given, then sorted ordinally within a directory) so that output is reproducible.
/// </summary>
public static class DockerfileDiscovery
{
    private static readonly HashSet<string> s_skippedDirectories = new(StringComparer.Ordinal) { "node_modules", "bin", "obj" };

    private static readonly string[] s_otherExtensions = [".md", ".txt", ".sh", ".ps1", ".yml", ".yaml", ".json", ".bak", ".orig", ".swp", ".j2", ".tmpl", ".template"];

    public static bool IsDockerfileName(string fileName)
    {
        var lower = fileName.ToLowerInvariant();
        if (s_otherExtensions.Any(lower.EndsWith)) return false;
        foreach (var stem in (ReadOnlySpan<string>)["dockerfile", "containerfile"])
        {
            if (lower.EndsWith(stem, StringComparison.Ordinal)) return true;
            var index = lower.IndexOf(stem + ".", StringComparison.Ordinal);
            if (index < 0) index = lower.IndexOf(stem + "-", StringComparison.Ordinal);
            if (index >= 0) return true;
        }
        return false;
    }

    /// <summary>The Dockerfiles named or contained by <paramref name="paths"/>; a path that does not exist is returned as is (reading it reports the error).</summary>
    public static IReadOnlyList<string> Expand(IReadOnlyList<string> paths)
    {
        var result = new List<string>();
        foreach (var path in paths)
        {
            if (path != "-" && Directory.Exists(path)) Search(path, result);
            else result.Add(path);
        }
        return result;
    }

    private static void Search(string directory, List<string> result)
    {
        IEnumerable<string> files;
        IEnumerable<string> directories;
        try
        {
            files = Directory.EnumerateFiles(directory).Order(StringComparer.Ordinal).ToArray();
            directories = Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal).ToArray();
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // An unreadable directory is reported by reading it as a file, which yields a clear message.
            result.Add(directory);
            return;
        }
        result.AddRange(files.Where(f => IsDockerfileName(Path.GetFileName(f))));
        foreach (var child in directories)
        {
            var name = Path.GetFileName(child);
            if (name.StartsWith('.') || s_skippedDirectories.Contains(name)) continue;
            // Links to directories are not followed (as git and ripgrep do): a link back up the tree repeated every Dockerfile
            // once per level until the path grew too long. A link named on the command line is still searched.
            if (new DirectoryInfo(child).LinkTarget is not null) continue;
            Search(child, result);
        }
    }
}
