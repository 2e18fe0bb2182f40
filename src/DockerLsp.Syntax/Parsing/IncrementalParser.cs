using DockerLsp.Syntax.Green;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Syntax.Parsing;

/// <summary>
/// Instruction-granularity reparse (docs/syntax.md): find the old instruction containing the change, restart there (one
/// instruction earlier when the change is at its start), read new instructions until the reader stands at a line that
/// maps back to the start of an unchanged old instruction past the change, then splice old prefix + new + old suffix.
/// Sound because an instruction's extent and shape depend only on its own text and the escape character. Falls back to a
/// full parse whenever the change touches the directive block or the first instruction.
/// Cost: one walk over the old children up to the change, the reparsed instructions, and one array copy of the root's
/// children; no per-child allocation.
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

        var changeStart = change.Span.Start;
        var firstInstruction = directiveCount;

        // Walk to the child containing the change start (the EOF token is the last child).
        var index = 0;
        var start = 0;
        while (index < children.Length - 1 && start + children[index].FullWidth <= changeStart)
        {
            start += children[index].FullWidth;
            index++;
        }
        if (index <= firstInstruction) return null;
        if (index == children.Length - 1 || start == changeStart)
        {
            index--;
            start -= children[index].FullWidth;
        }
        if (index <= firstInstruction) return null;

        var text = newText.ToString();
        var reader = new InstructionReader(text, oldTree.EscapeCharacter);
        var newNodes = new List<GreenNode>(4);
        var changeNewEnd = changeStart + change.NewLength;
        var position = start;

        // The old child at or after the current position, tracked forward as the reader advances.
        var oldIndex = index;
        var oldStart = start;
        var reuseFrom = -1;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (position >= changeNewEnd && position > start)
            {
                var oldPosition = position - change.Delta;
                while (oldIndex < children.Length - 1 && oldStart < oldPosition)
                {
                    oldStart += children[oldIndex].FullWidth;
                    oldIndex++;
                }
                if (oldStart == oldPosition && oldIndex > index && (oldIndex == children.Length - 1 || IsReusable(children[oldIndex])))
                {
                    reuseFrom = oldIndex;
                    break;
                }
            }
            var result = reader.Read(position, new List<GreenTrivia>());
            if (result.Instruction is null)
            {
                newNodes.Add(Parser.MakeEndOfFile(result.TrailingTrivia, result.TrailingDiagnostics, result.End - TriviaWidth(result.TrailingTrivia)));
                break;
            }
            newNodes.Add(result.Instruction);
            position = result.End;
        }

        var suffixCount = reuseFrom >= 0 ? children.Length - reuseFrom : 0;
        var spliced = new GreenNode[index + newNodes.Count + suffixCount];
        children[..index].CopyTo(spliced);
        newNodes.CopyTo(spliced, index);
        if (suffixCount > 0) children[reuseFrom..].CopyTo(spliced.AsSpan(index + newNodes.Count));
        var count = spliced.Length - directiveCount - 1;
        return (Parser.MakeRoot(spliced, count, newText), oldTree.EscapeCharacter, directiveCount);
    }

    private static bool IsReusable(GreenNode instruction) => !instruction.ContainsMissing && !instruction.ContainsUnterminatedHeredoc;

    private static int TriviaWidth(List<GreenTrivia> trivia)
    {
        var width = 0;
        foreach (var piece in trivia) width += piece.FullWidth;
        return width;
    }
}
