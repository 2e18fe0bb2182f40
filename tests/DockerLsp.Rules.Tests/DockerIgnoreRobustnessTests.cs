using CsCheck;
using DockerLsp.Rules.Common.BestPractice;
using Xunit;

namespace DockerLsp.Rules.Tests;

/// <summary>
/// Property: whatever a <c>.dockerignore</c> holds, parsing it and asking whether a path is excluded never throws and answers
/// promptly (the language server re-reads the file as it is edited; a build context rule must not fail or hang on it).
/// </summary>
public sealed class DockerIgnoreRobustnessTests
{
    private static readonly string[] s_pieces =
    [
        "*", "**", "**/", "?", "[", "]", "[!", "[^", "a-z", "z-a", "\\", "/", "./", "../", "!", "#", " ", "\n", "\r\n", "a", "b", ".",
        "node_modules", ".git", "{", "}", "(", ")", "+", "$", "|", "é", "\ud83d",
    ];

    [Fact]
    public void AnyDockerIgnoreParsesAndAnswers() =>
        Gen.Select(Gen.Int[0, s_pieces.Length - 1].Array[0, 30].Select(indexes => string.Concat(indexes.Select(i => s_pieces[i]))), Gen.String)
            .Sample((text, path) =>
            {
                var ignore = DockerIgnore.Parse(text);
                _ = ignore.IsExcluded("src/app/" + path);
                _ = ignore.IsExcluded("node_modules/a/b");
            }, iter: 3000);

    [Theory]
    [InlineData("[z-a]", "b", false)]
    [InlineData("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("**a**a**a**a**a**a**a**a**a**a**a**a**a**a**a**a**a**a**a**a**a**a**a**a**b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false)]
    [InlineData("[a-c]*", "b/x", true)]
    public void HostilePatternsAnswerPromptly(string pattern, string path, bool excluded) =>
        Assert.Equal(excluded, DockerIgnore.Parse(pattern).IsExcluded(path));
}
