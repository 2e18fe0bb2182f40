using System.Collections.Immutable;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.CodeFixes;

/// <summary>
/// Merges the change sets of several fixes computed on one snapshot, Roslyn TextChangeMerger style: a set is accepted whole or
/// rejected whole. A set conflicts when one of its changes overlaps an accepted change, or when both insert at the same position
/// with different text (identical changes are merged into one). Sets are considered in the order given, so earlier sets win.
/// </summary>
public static class TextChangeMerger
{
    /// <summary>The outcome: accepted changes in document order, and the indexes of the rejected sets.</summary>
    public sealed record Result(ImmutableArray<TextChange> Changes, ImmutableArray<int> RejectedSets);

    public static Result Merge(IReadOnlyList<ImmutableArray<TextChange>> changeSets)
    {
        var accepted = new List<TextChange>();
        var rejected = ImmutableArray.CreateBuilder<int>();
        for (var index = 0; index < changeSets.Count; index++)
        {
            var set = changeSets[index];
            if (set.IsDefaultOrEmpty) continue;
            var toAdd = new List<TextChange>();
            var conflict = false;
            foreach (var change in set)
            {
                if (accepted.Contains(change) || toAdd.Contains(change)) continue;
                if (accepted.Any(a => Conflicts(a, change)) || toAdd.Any(a => Conflicts(a, change)))
                {
                    conflict = true;
                    break;
                }
                toAdd.Add(change);
            }
            if (conflict) rejected.Add(index);
            else accepted.AddRange(toAdd);
        }
        return new Result(accepted.OrderBy(c => c.Span.Start).ThenBy(c => c.Span.Length).ToImmutableArray(), rejected.ToImmutable());
    }

    /// <summary>True when two changes cannot both be applied: overlapping spans, or two insertions/edits touching the same point.</summary>
    public static bool Conflicts(TextChange a, TextChange b)
    {
        if (a.Span.OverlapsWith(b.Span)) return true;
        // Two changes at the same position: both insertions (order would be ambiguous), or an insertion inside the other's span.
        if (a.Span.Start == b.Span.Start && (a.Span.IsEmpty || b.Span.IsEmpty)) return true;
        if (a.Span.IsEmpty && a.Span.Start > b.Span.Start && a.Span.Start < b.Span.End) return true;
        if (b.Span.IsEmpty && b.Span.Start > a.Span.Start && b.Span.Start < a.Span.End) return true;
        return false;
    }
}
