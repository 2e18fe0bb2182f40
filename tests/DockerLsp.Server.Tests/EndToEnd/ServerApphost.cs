using DockerLsp.TestUtilities;

namespace DockerLsp.Server.Tests.EndToEnd;

/// <summary>
/// The <c>dockerlsp</c> executable the end-to-end tests start over stdio: the apphost built beside this test assembly's
/// configuration (the test project builds the CLI first), or <c>DOCKERLSP_APPHOST</c> to run them against another build, e.g.
/// the trimmed self-contained publish of tests/e2e/lspbench.sh.
/// </summary>
internal static class ServerApphost
{
    public static string Path
    {
        get
        {
            if (Environment.GetEnvironmentVariable("DOCKERLSP_APPHOST") is { Length: > 0 } overridden) return overridden;
            var configuration = new DirectoryInfo(System.IO.Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
            var path = System.IO.Path.Combine(Corpus.RepoRoot, "src", "DockerLsp.Cli", "bin", configuration, "net10.0", OperatingSystem.IsWindows() ? "dockerlsp.exe" : "dockerlsp");
            Assert.True(File.Exists(path), $"The dockerlsp apphost was not found at {path}: build src/DockerLsp.Cli -c {configuration}.");
            return path;
        }
    }
}
