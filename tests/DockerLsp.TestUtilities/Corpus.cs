namespace DockerLsp.TestUtilities;

/// <summary>
/// Locates the repository root (the folder with DockerLsp.sln) and the read-only shared corpus beside it
/// (<c>../shared/corpus</c>, or <c>shared/corpus</c> inside the root in a CI layout that copies it there).
/// </summary>
public static class Corpus
{
    private static readonly Lazy<string> s_repoRoot = new(FindRepoRoot);
    private static readonly Lazy<string> s_corpusRoot = new(FindCorpusRoot);

    public static string RepoRoot => s_repoRoot.Value;
    public static string Root => s_corpusRoot.Value;
    public static string BuildKitParser => Path.Combine(Root, "buildkit-parser");
    public static string BuildKitShell => Path.Combine(Root, "buildkit-shell");
    public static string RealWorld => Path.Combine(Root, "real-world");

    public static IEnumerable<string> RealWorldFiles() => Directory.EnumerateFiles(RealWorld).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "DockerLsp.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("DockerLsp.sln not found above " + AppContext.BaseDirectory);
    }

    private static string FindCorpusRoot()
    {
        string[] candidates =
        [
            Path.Combine(RepoRoot, "..", "shared", "corpus"),
            Path.Combine(RepoRoot, "shared", "corpus"),
        ];
        foreach (var candidate in candidates)
        {
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        throw new InvalidOperationException("The shared corpus was not found; looked in:\n" + string.Join("\n", candidates));
    }
}
