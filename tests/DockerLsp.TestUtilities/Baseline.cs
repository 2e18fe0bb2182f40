namespace DockerLsp.TestUtilities;

/// <summary>
/// Expected-output files that tests compare against and can regenerate: with <c>DOCKERLSP_UPDATE_BASELINES=1</c> a mismatch
/// rewrites the source-tree file (found from the repository root) instead of failing.
/// </summary>
public static class Baseline
{
    public static bool UpdateRequested => Environment.GetEnvironmentVariable("DOCKERLSP_UPDATE_BASELINES") is "1" or "true";

    /// <summary>Maps a file under the test output directory back to the same relative path under <paramref name="sourceProjectDirectory"/>.</summary>
    public static string ToSourcePath(string outputPath, string sourceProjectDirectory)
    {
        var relative = Path.GetRelativePath(AppContext.BaseDirectory, outputPath);
        return Path.Combine(Corpus.RepoRoot, sourceProjectDirectory, relative);
    }
}
