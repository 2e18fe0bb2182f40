using System.Collections.Immutable;

namespace DockerLsp.Analysis.CodeFixes;

/// <summary>
/// How all occurrences of a fix are applied together in one document. <see cref="Batch"/> computes each diagnostic's action
/// with the given equivalence key on the same snapshot and merges the edits with <see cref="TextChangeMerger"/>, dropping fixes
/// that conflict (a later pass can pick them up).
/// </summary>
public abstract class FixAllProvider
{
    public static FixAllProvider Batch { get; } = new BatchFixAllProvider();

    /// <summary>Fixes <paramref name="diagnostics"/> with actions whose equivalence key is <paramref name="equivalenceKey"/> (any when null).</summary>
    public abstract Task<FixAllResult> FixAllAsync(CodeFixService service, DockerfileDocument document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken);

    /// <summary>The default batch strategy.</summary>
    private sealed class BatchFixAllProvider : FixAllProvider
    {
        public override async Task<FixAllResult> FixAllAsync(CodeFixService service, DockerfileDocument document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken)
        {
            var sets = new List<DocumentChanges>();
            var fixedDiagnostics = new List<Diagnostic>();
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Span.Start))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var action = service.GetFixes(document, diagnostic, cancellationToken)
                    .FirstOrDefault(a => equivalenceKey is null || a.EquivalenceKey == equivalenceKey);
                if (action is null) continue;
                var changes = await action.GetChangesAsync(cancellationToken).ConfigureAwait(false);
                if (changes.IsEmpty) continue;
                sets.Add(changes);
                fixedDiagnostics.Add(diagnostic);
            }
            return FixAllResult.FromChangeSets(document, sets, fixedDiagnostics);
        }
    }
}

/// <summary>
/// The merged outcome of a fix-all: the accepted text changes (in the original snapshot's coordinates), other-file edits,
/// the diagnostics whose fixes were applied and those skipped because their edits conflicted.
/// </summary>
public sealed record FixAllResult(
    DocumentChanges Changes,
    ImmutableArray<Diagnostic> FixedDiagnostics,
    ImmutableArray<Diagnostic> ConflictingDiagnostics)
{
    public static FixAllResult Empty { get; } = new(DocumentChanges.Empty, [], []);

    internal static FixAllResult FromChangeSets(DockerfileDocument document, IReadOnlyList<DocumentChanges> sets, IReadOnlyList<Diagnostic> diagnostics)
    {
        _ = document;
        var merged = TextChangeMerger.Merge(sets.Select(s => s.TextChanges).ToArray());
        var rejected = merged.RejectedSets.ToHashSet();
        var fileEdits = sets.Where((_, i) => !rejected.Contains(i)).SelectMany(s => s.FileEdits).Distinct().ToImmutableArray();
        return new FixAllResult(
            new DocumentChanges(merged.Changes, fileEdits),
            diagnostics.Where((_, i) => !rejected.Contains(i)).ToImmutableArray(),
            diagnostics.Where((_, i) => rejected.Contains(i)).ToImmutableArray());
    }
}
