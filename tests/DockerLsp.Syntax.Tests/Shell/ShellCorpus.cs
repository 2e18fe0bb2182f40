using DockerLsp.TestUtilities;

namespace DockerLsp.Syntax.Tests.Shell;

/// <summary>Reads BuildKit's shell-lexer tables from the shared corpus (located by <see cref="Corpus"/>).</summary>
internal static class ShellCorpus
{
    /// <summary>The <c>corpus/buildkit-shell</c> directory.</summary>
    public static string BuildKitShellDirectory => Corpus.BuildKitShell;

    /// <summary>Reads a corpus file as lines, keeping trailing spaces (they are significant in wordsTest).</summary>
    public static string[] ReadLines(string fileName) =>
        File.ReadAllLines(Path.Combine(BuildKitShellDirectory, fileName));
}
