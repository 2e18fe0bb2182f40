using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.Diagnostics;

/// <summary>Merging of independent change sets: a set that overlaps one already accepted is dropped whole (a later pass can apply it).</summary>
internal static class TextChanges
{
    public static IReadOnlyList<TextChange> MergeDroppingConflicts(IEnumerable<IReadOnlyList<TextChange>> sets)
    {
        var accepted = new List<TextChange>();
        foreach (var set in sets)
        {
            if (set.Any(change => accepted.Any(other => Conflicts(change, other)))) continue;
            accepted.AddRange(set);
        }
        return accepted.OrderBy(c => c.Span.Start).ToArray();
    }

    private static bool Conflicts(TextChange a, TextChange b) =>
        a.Span.OverlapsWith(b.Span) || (a.Span.Start == b.Span.Start && (a.Span.IsEmpty || b.Span.IsEmpty));
}
