using DockerLsp.Syntax.Text;
using DockerLsp.TestUtilities;
using Xunit;

namespace DockerLsp.Syntax.Tests;

/// <summary>
/// The root's per-instruction accessors (<see cref="SourceFileSyntax.GetInstruction"/>, <see cref="SourceFileSyntax.IndicesOf"/>,
/// <see cref="SourceFileSyntax.GetInstructionIdentities"/>, and <see cref="SourceFileSyntax.FindInstruction"/> before the list is
/// materialized) read the green chunks instead of creating every red node; they must agree with <see cref="SourceFileSyntax.Instructions"/>
/// on every corpus file, also after incremental edits that splice chunks.
/// </summary>
public sealed class LazyInstructionAccessTests
{
    [Fact]
    public void Lazy_accessors_agree_with_the_materialized_list_on_the_corpus()
    {
        foreach (var path in Corpus.RealWorldFiles())
        {
            var text = SourceText.From(File.ReadAllText(path));
            AssertAgree(text, Path.GetFileName(path));
        }
    }

    [Fact]
    public void Lazy_accessors_agree_after_incremental_edits()
    {
        var text = string.Concat(Enumerable.Range(0, 400).Select(i => i % 20 == 0 ? $"FROM alpine AS s{i}\n" : $"RUN echo {i}\n"));
        var tree = SyntaxTree.Parse(SourceText.From("# syntax=docker/dockerfile:1\n" + text));
        for (var step = 0; step < 30; step++)
        {
            var position = tree.Text.ToString().IndexOf($"echo {step * 10 + 5}\n", StringComparison.Ordinal);
            Assert.True(position > 0, $"step {step}: target line not found");
            tree = tree.WithChangedText(tree.Text.WithChanges(new TextChange(new TextSpan(position, 0), step % 3 == 0 ? "x\nRUN y " : "z")));
            Assert.True(tree.WasIncremental);
            AssertAgree(tree, $"step {step}");
        }
    }

    private static void AssertAgree(SourceText text, string context) => AssertAgree(SyntaxTree.Parse(text), context);

    private static void AssertAgree(SyntaxTree tree, string context)
    {
        var lazy = SyntaxTree.Parse(tree.Text).Root;
        var eager = tree.Root.Instructions;
        Assert.Equal(eager.Count, lazy.InstructionCount);
        // FindInstruction before anything is materialized, at every 7th offset and both ends.
        for (var position = -1; position <= tree.Text.Length + 1; position += position < tree.Text.Length - 8 ? 7 : 1)
        {
            var expected = eager.FirstOrDefault(i => i.FullSpan.Start <= position && position < i.FullSpan.End);
            var found = lazy.FindInstruction(position);
            Assert.True(expected?.FullSpan == found?.FullSpan && expected?.Kind == found?.Kind, $"{context}: FindInstruction({position})");
        }
        var identities = lazy.GetInstructionIdentities(0, lazy.InstructionCount);
        for (var i = 0; i < eager.Count; i++)
        {
            var single = lazy.GetInstruction(i);
            Assert.True(single.FullSpan == eager[i].FullSpan && single.Kind == eager[i].Kind, $"{context}: GetInstruction({i})");
            Assert.Same(single.IncrementalIdentity, identities[i]);
        }
        var froms = eager.Select((instruction, index) => (instruction, index)).Where(p => p.instruction.Kind == SyntaxKind.FromInstruction).Select(p => p.index);
        Assert.Equal(froms, lazy.IndicesOf(SyntaxKind.FromInstruction));
        Assert.Same(lazy.GetInstruction(0), lazy.Instructions.Count > 0 ? lazy.Instructions[0] : null);
    }
}
