using DockerLsp.Syntax.Text;
using DockerLsp.TestUtilities;
using Xunit;

namespace DockerLsp.Syntax.Tests;

/// <summary>
/// <see cref="SourceFileSyntax.KeywordCasing"/> sums counts memoized per chunk of instructions; it must equal counting every
/// instruction keyword through the red tree, on every corpus file and after incremental edits (which reuse chunks).
/// </summary>
public sealed class KeywordCasingTests
{
    [Fact]
    public void Chunk_counts_equal_a_count_over_every_keyword_of_the_corpus()
    {
        foreach (var path in Corpus.RealWorldFiles())
        {
            var tree = SyntaxTree.Parse(SourceText.From(File.ReadAllText(path)));
            Assert.True(Expected(tree) == tree.Root.KeywordCasing, Path.GetFileName(path));
        }
    }

    [Fact]
    public void Counts_follow_incremental_edits()
    {
        var text = string.Concat(Enumerable.Range(0, 300).Select(i => i % 7 == 0 ? $"run echo {i}\n" : $"RUN echo {i}\n"));
        var tree = SyntaxTree.Parse(SourceText.From("FROM alpine\nONBUILD run make\n" + text));
        Assert.Equal(Expected(tree), tree.Root.KeywordCasing);
        for (var i = 0; i < 40; i++)
        {
            var position = tree.Text.ToString().IndexOf(i % 2 == 0 ? "RUN echo" : "run echo", StringComparison.Ordinal);
            tree = tree.WithChangedText(tree.Text.WithChanges(new TextChange(new TextSpan(position, 3), i % 2 == 0 ? "run" : "Run")));
            Assert.True(tree.WasIncremental);
            Assert.Equal(Expected(tree), tree.Root.KeywordCasing);
        }
    }

    private static KeywordCasingCounts Expected(SyntaxTree tree)
    {
        int total = 0, upper = 0, lower = 0;
        foreach (var instruction in tree.Root.Instructions)
        {
            Count(instruction);
            if (instruction is OnBuildInstructionSyntax { Trigger: { } trigger }) Count(trigger);
        }
        return new KeywordCasingCounts(total, upper, lower);

        void Count(InstructionSyntax instruction)
        {
            if (instruction.Kind == SyntaxKind.UnknownInstruction) return;
            var keyword = instruction.Keyword;
            if (keyword.Kind == SyntaxKind.None || keyword.IsMissing) return;
            total++;
            if (keyword.ValueText == keyword.ValueText.ToUpperInvariant()) upper++;
            if (keyword.ValueText == keyword.ValueText.ToLowerInvariant()) lower++;
        }
    }
}
