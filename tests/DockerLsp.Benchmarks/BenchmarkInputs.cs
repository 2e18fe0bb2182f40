using DockerLsp.Syntax.Text;

namespace DockerLsp.Benchmarks;

/// <summary>
/// Finds the benchmark inputs: the repository root (the folder with DockerLsp.sln, searched upwards from the working
/// directory and from the assembly's folder, because BenchmarkDotNet runs each benchmark in a child process built in a
/// folder of its own), the shared corpus beside it, and the checked-in Data folder.
/// </summary>
public static class BenchmarkInputs
{
    private static readonly Lazy<string> s_repoRoot = new(FindRepoRoot);

    public static string RepoRoot => s_repoRoot.Value;

    public static string RealWorldCorpus
    {
        get
        {
            string[] candidates = [Path.Combine(RepoRoot, "..", "shared", "corpus", "real-world"), Path.Combine(RepoRoot, "shared", "corpus", "real-world")];
            return candidates.FirstOrDefault(Directory.Exists) is { } found
                ? Path.GetFullPath(found)
                : throw new DirectoryNotFoundException("The real-world corpus was not found; looked in:\n" + string.Join("\n", candidates));
        }
    }

    /// <summary>The 290 real-world Dockerfiles as bytes, in a stable order (notes are skipped).</summary>
    public static IReadOnlyList<byte[]> RealWorldFiles() =>
        Directory.EnumerateFiles(RealWorldCorpus)
            .Where(f => !f.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllBytes)
            .ToArray();

    /// <summary>The lspbench document of <paramref name="lines"/> lines (Data/README.md).</summary>
    public static SourceText GeneratedDockerfile(int lines) =>
        SourceText.FromUtf8(File.ReadAllBytes(Path.Combine(RepoRoot, "tests", "DockerLsp.Benchmarks", "Data", $"generated-{lines}.Dockerfile")));

    private static string FindRepoRoot()
    {
        string[] starts = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "DockerLsp.sln"))) return dir.FullName;
            }
        }
        throw new InvalidOperationException("DockerLsp.sln not found above " + string.Join(" or ", starts));
    }
}
