using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>Where a moved instruction lands relative to its anchor.</summary>
internal enum MoveSlot
{
    /// <summary>Just before the anchor's block (its attached comments included).</summary>
    BeforeAnchor,

    /// <summary>Just after the anchor's line (at its tail, before any blank or comment lines that follow).</summary>
    AfterAnchor,
}

/// <summary>One instruction (with its attached comments) to move next to an anchor instruction.</summary>
internal sealed record InstructionMove(InstructionSyntax Instruction, InstructionSyntax Anchor, MoveSlot Slot);

/// <summary>
/// Turns a set of instruction moves into one conflict-free change set: each moved block is deleted where it is and inserted at its
/// destination. Moves whose anchor is itself moved follow it (an ARG anchored before an ENV that moves lands before the ENV's new
/// place); moves sharing a destination are inserted together in document order, which keeps declarations ahead of their uses.
/// Insertions "before" use the anchor's head and insertions "after" use its tail, so no two edits of the set share a position.
/// </summary>
internal static class MovePlan
{
    public static DocumentChanges Build(SourceText text, string newline, IReadOnlyCollection<InstructionMove> moves)
    {
        var byInstruction = new Dictionary<int, InstructionMove>();
        foreach (var move in moves) byInstruction.TryAdd(move.Instruction.Span.Start, move);

        var groups = new Dictionary<(int Anchor, MoveSlot Slot), List<InstructionSyntax>>();
        var anchors = new Dictionary<int, InstructionSyntax>();
        foreach (var move in byInstruction.Values)
        {
            var (anchor, slot) = Resolve(move, byInstruction);
            if (anchor is null) continue;
            anchors[anchor.Span.Start] = anchor;
            var key = (anchor.Span.Start, slot);
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add(move.Instruction);
        }

        var changes = new List<TextChange>();
        var moved = new HashSet<int>();
        foreach (var ((anchorStart, slot), instructions) in groups)
        {
            var anchor = anchors[anchorStart];
            var ordered = instructions.OrderBy(i => i.Span.Start).ToList();
            var blocks = ordered.Select(i => InstructionBlocks.BlockText(text, i, newline)).ToList();
            if (slot == MoveSlot.BeforeAnchor)
            {
                changes.Add(TextChange.Insert(InstructionBlocks.BlockStart(text, anchor), string.Concat(blocks)));
            }
            else
            {
                var joined = string.Concat(blocks.Select(b => newline + b[..^LineBreakLength(b)]));
                changes.Add(TextChange.Insert(InstructionBlocks.Tail(text, anchor), joined));
            }
            foreach (var instruction in ordered) moved.Add(instruction.Span.Start);
        }
        foreach (var move in byInstruction.Values.Where(m => moved.Contains(m.Instruction.Span.Start)))
        {
            changes.Add(TextChange.Delete(InstructionBlocks.BlockSpan(text, move.Instruction)));
        }
        return DocumentChanges.FromTextChanges(changes);
    }

    /// <summary>Follows anchors that are moved themselves to the final, unmoved anchor; null on a cycle.</summary>
    private static (InstructionSyntax? Anchor, MoveSlot Slot) Resolve(InstructionMove move, Dictionary<int, InstructionMove> byInstruction)
    {
        var anchor = move.Anchor;
        var slot = move.Slot;
        var seen = new HashSet<int> { move.Instruction.Span.Start };
        while (byInstruction.TryGetValue(anchor.Span.Start, out var anchorMove))
        {
            if (!seen.Add(anchor.Span.Start)) return (null, slot);
            // The moved anchor's own destination becomes ours; we stay on the same side of it because both are inserted in document order.
            anchor = anchorMove.Anchor;
            slot = anchorMove.Slot;
        }
        return (anchor, slot);
    }

    private static int LineBreakLength(string block) =>
        block.EndsWith("\r\n", StringComparison.Ordinal) ? 2 : block.EndsWith('\n') || block.EndsWith('\r') ? 1 : 0;
}
