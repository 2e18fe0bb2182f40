using DockerLsp.Syntax.Green;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Syntax.Parsing;

/// <summary>
/// Instruction-granularity reparse (docs/syntax.md): find the old instruction containing the change, restart there (one
/// instruction earlier when the change is at its start), read new instructions until the reader stands at a line that
/// maps back to the start of an unchanged old instruction past the change, then splice old prefix + new + old suffix.
/// Sound because an instruction's extent and shape depend only on its own text and the escape character. Falls back to a
/// full parse whenever the change touches the directive block or the first instruction.
/// </summary>
internal static class IncrementalParser
{
    public static (GreenInternalNode Root, char Escape, int DirectiveCount)? TryReparse(SyntaxTree oldTree, SourceText newText, CancellationToken cancellationToken)
    {
        var change = newText.GetChangeRangeFrom(oldTree.Text);
        var oldRoot = (GreenInternalNode)oldTree.Root.Green;
        var children = oldRoot.Children;
        var directiveCount = oldTree.DirectiveCount;
        var instructionCount = children.Length - directiveCount - 1;
        if (instructionCount < 2) return null;
        if (change.Span.Length == 0 && change.NewLength == 0) return (oldRoot, oldTree.EscapeCharacter, directiveCount);
        // Replacing most of the document: a full parse is as fast and simpler.
        if (change.Span.Length > oldTree.Text.Length / 2) return null;

        // Full starts of old children.
        var starts = new int[children.Length + 1];
        for (var i = 0; i < children.Length; i++) starts[i + 1] = starts[i] + children[i].FullWidth;

        var firstInstruction = directiveCount;
        var changeStart = change.Span.Start;
        if (changeStart < starts[firstInstruction + 1]) return null;

        // The child containing the change start (the EOF token counts: index children.Length - 1).
        var index = FindChild(starts, children.Length, changeStart);
        if (index > firstInstruction && (index == children.Length - 1 || starts[index] == changeStart)) index--;
        if (index <= firstInstruction) return null;
        var restart = starts[index];

        var text = newText.ToString();
        var reader = new InstructionReader(text, oldTree.EscapeCharacter);
        var newInstructions = new List<GreenNode>();
        var changeNewEnd = change.Span.Start + change.NewLength;
        var position = restart;
        var reuseFrom = -1;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (position >= changeNewEnd && position > restart)
            {
                var oldPosition = position - change.Delta;
                var oldIndex = FindStart(starts, children.Length, oldPosition);
                if (oldIndex >= 0 && oldIndex > index && (oldIndex == children.Length - 1 || IsReusable(children[oldIndex])))
                {
                    reuseFrom = oldIndex;
                    break;
                }
            }
            var result = reader.Read(position, []);
            if (result.Instruction is null)
            {
                newInstructions.Add(Parser.MakeEndOfFile(result.TrailingTrivia, result.TrailingDiagnostics, result.End - result.TrailingTrivia.Sum(t => t.FullWidth)));
                break;
            }
            newInstructions.Add(result.Instruction);
            position = result.End;
        }

        var spliced = new List<GreenNode>(children.Length + newInstructions.Count);
        for (var i = 0; i < index; i++) spliced.Add(children[i]);
        spliced.AddRange(newInstructions);
        if (reuseFrom >= 0)
        {
            for (var i = reuseFrom; i < children.Length; i++) spliced.Add(children[i]);
        }
        var count = spliced.Count - directiveCount - 1;
        return (Parser.MakeRoot(spliced, count, newText), oldTree.EscapeCharacter, directiveCount);
    }

    private static bool IsReusable(GreenNode instruction) => !instruction.ContainsMissing && !instruction.ContainsUnterminatedHeredoc;

    private static int FindChild(int[] starts, int count, int position)
    {
        int lo = 0, hi = count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (starts[mid] <= position) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    private static int FindStart(int[] starts, int count, int position)
    {
        var index = Array.BinarySearch(starts, 0, count, position);
        if (index < 0) return -1;
        // Zero-width children share a start with their successor; the EOF token is last.
        while (index + 1 < count && starts[index + 1] == position) index++;
        return index;
    }
}
