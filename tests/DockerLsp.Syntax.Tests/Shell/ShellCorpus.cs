using System.Runtime.CompilerServices;

namespace DockerLsp.Syntax.Tests.Shell;

/// <summary>
/// Locates the shared BuildKit corpus. The repository root (the folder with DockerLsp.sln) has <c>shared/</c> as a
/// sibling; walking up from the test binaries finds it in the repo and in CI, and walking up from this source
/// file covers builds whose output lives elsewhere.
/// </summary>
internal static class ShellCorpus
{
    private static readonly Lazy<string> s_directory = new(() => Locate());

    /// <summary>The <c>corpus/buildkit-shell</c> directory.</summary>
    public static string BuildKitShellDirectory => s_directory.Value;

    /// <summary>Reads a corpus file as lines, keeping trailing spaces (they are significant in wordsTest).</summary>
    public static string[] ReadLines(string fileName) =>
        File.ReadAllLines(Path.Combine(BuildKitShellDirectory, fileName));

    private static string Locate([CallerFilePath] string sourceFile = "")
    {
        var tried = new List<string>();
        foreach (string? origin in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) })
        {
            for (var dir = origin is null ? null : new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
            {
                foreach (string candidate in new[]
                         {
                             Path.Combine(dir.FullName, "shared", "corpus", "buildkit-shell"),
                             Path.Combine(dir.FullName, "..", "shared", "corpus", "buildkit-shell"),
                         })
                {
                    tried.Add(candidate);
                    if (File.Exists(Path.Combine(candidate, "envVarTest")))
                    {
                        return Path.GetFullPath(candidate);
                    }
                }
            }
        }

        throw new DirectoryNotFoundException(
            "shared/corpus/buildkit-shell not found next to the repository; looked in:\n" + string.Join("\n", tried));
    }
}
