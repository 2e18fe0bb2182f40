namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// Path arithmetic on container paths (always '/'-separated, POSIX): normalisation, resolving a relative path against the
/// WORKDIR in effect, and containment. Paths with variables are kept as written, so they only match themselves.
/// </summary>
internal static class ContainerPaths
{
    /// <summary>Collapses duplicate slashes, <c>.</c> and <c>..</c> segments and trailing slashes (the root stays <c>/</c>).</summary>
    public static string Normalize(string path)
    {
        var absolute = path.StartsWith('/');
        var parts = new List<string>();
        foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
            if (part == ".." && parts.Count > 0 && parts[^1] != "..") parts.RemoveAt(parts.Count - 1);
            else if (part != ".." || !absolute) parts.Add(part);
        }
        var joined = string.Join('/', parts);
        return absolute ? "/" + joined : joined.Length == 0 ? "." : joined;
    }

    /// <summary>The absolute form of <paramref name="path"/> seen from <paramref name="workdir"/> (<c>/</c> when unknown).</summary>
    public static string Resolve(string path, string? workdir)
    {
        if (path.StartsWith('/')) return Normalize(path);
        var baseDirectory = string.IsNullOrEmpty(workdir) ? "/" : workdir;
        return Normalize(baseDirectory.TrimEnd('/') + "/" + path);
    }

    /// <summary>True when <paramref name="path"/> equals <paramref name="directory"/> or lies under it (both normalised).</summary>
    public static bool IsSameOrUnder(string path, string directory)
    {
        if (directory == "/") return path.StartsWith('/');
        return path == directory || path.StartsWith(directory + "/", StringComparison.Ordinal);
    }

    /// <summary>The last segment of a path.</summary>
    public static string FileName(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash >= 0 ? trimmed[(slash + 1)..] : trimmed;
    }

    /// <summary>True when the text contains glob characters that COPY would expand.</summary>
    public static bool HasWildcards(string path) => path.IndexOfAny(['*', '?', '[']) >= 0;
}
