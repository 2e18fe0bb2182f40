using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Syntax.Text;
using Xunit;

namespace DockerLsp.Analysis.Tests.CodeFixes;

/// <summary>Merging fix edits: whole sets accepted or rejected, identical edits deduplicated, earlier sets win.</summary>
public sealed class TextChangeMergerTests
{
    private static TextChange Replace(int start, int length, string text) => new(new TextSpan(start, length), text);

    [Fact]
    public void Disjoint_sets_merge_in_document_order()
    {
        var result = TextChangeMerger.Merge([[Replace(10, 2, "b")], [Replace(0, 1, "a")]]);
        Assert.Equal([0, 10], result.Changes.Select(c => c.Span.Start));
        Assert.Empty(result.RejectedSets);
    }

    [Fact]
    public void Overlapping_sets_are_rejected_whole()
    {
        var result = TextChangeMerger.Merge([[Replace(0, 5, "x")], [Replace(20, 1, "y"), Replace(3, 4, "z")]]);
        Assert.Equal(new[] { 1 }, result.RejectedSets.ToArray());
        Assert.Single(result.Changes);
    }

    [Fact]
    public void Same_point_insertions_conflict_unless_identical()
    {
        Assert.Equal(new[] { 1 }, TextChangeMerger.Merge([[TextChange.Insert(4, "a")], [TextChange.Insert(4, "b")]]).RejectedSets.ToArray());
        var same = TextChangeMerger.Merge([[TextChange.Insert(4, "a")], [TextChange.Insert(4, "a")]]);
        Assert.Empty(same.RejectedSets);
        Assert.Single(same.Changes);
    }

    [Fact]
    public void Adjacent_replacements_do_not_conflict()
    {
        Assert.Empty(TextChangeMerger.Merge([[Replace(0, 2, "a")], [Replace(2, 2, "b")]]).RejectedSets);
    }

    [Fact]
    public void Empty_sets_are_ignored()
    {
        Assert.Empty(TextChangeMerger.Merge([ImmutableArray<TextChange>.Empty, default]).Changes);
    }
}
