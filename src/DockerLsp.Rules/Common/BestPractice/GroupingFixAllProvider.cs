using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// A fix-all strategy for fixes that would collide when computed one diagnostic at a time: diagnostics are grouped (per RUN, per
/// stage, or all together for moves that share destinations) and each group is fixed by one call that sees all its diagnostics, so
/// that two cleanups appended to one RUN, or two instructions moved to one place, become a single edit. Groups are then merged like
/// the engine's batch fix-all: a group whose edits overlap an earlier group's waits for the next pass. Any other equivalence key
/// (an alternative fix) falls back to the engine's batch strategy.
/// </summary>
internal sealed class GroupingFixAllProvider(
    string preferredEquivalenceKey,
    Func<Diagnostic, object> groupKey,
    Func<DockerfileDocument, IReadOnlyList<Diagnostic>, CancellationToken, DocumentChanges?> fixGroup) : FixAllProvider
{
    public override async Task<FixAllResult> FixAllAsync(CodeFixService service, DockerfileDocument document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
    {
        if (equivalenceKey is not null && equivalenceKey != preferredEquivalenceKey)
        {
            return await Batch.FixAllAsync(service, document, diagnostics, equivalenceKey, cancellationToken).ConfigureAwait(false);
        }
        var sets = new List<DocumentChanges>();
        var groups = new List<IReadOnlyList<Diagnostic>>();
        foreach (var group in diagnostics.OrderBy(d => d.Span.Start).GroupBy(groupKey))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var members = group.ToList();
            if (fixGroup(document, members, cancellationToken) is not { IsEmpty: false } changes) continue;
            sets.Add(changes);
            groups.Add(members);
        }
        var merged = TextChangeMerger.Merge(sets.Select(s => s.TextChanges).ToArray());
        var rejected = merged.RejectedSets.ToHashSet();
        var fileEdits = sets.Where((_, i) => !rejected.Contains(i)).SelectMany(s => s.FileEdits).Distinct().ToImmutableArray();
        return new FixAllResult(
            new DocumentChanges(merged.Changes, fileEdits),
            groups.Where((_, i) => !rejected.Contains(i)).SelectMany(g => g).ToImmutableArray(),
            groups.Where((_, i) => rejected.Contains(i)).SelectMany(g => g).ToImmutableArray());
    }
}
