using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// The text regions of a top-level instruction that move and insert edits are built from. An instruction's <em>block</em> is its
/// own lines plus the comment lines directly above it (no blank line between: they describe it and move with it, pragmas
/// included), through its final line break and heredoc bodies. Its <em>head</em> is where text goes "before" it (the block start)
/// and its <em>tail</em> is where text goes "after" it (the start of its final line break). Using the head of one instruction
/// and the tail of the previous one for different purposes keeps edits of different rules from colliding at one position.
/// </summary>
internal static class InstructionBlocks
{
    /// <summary>The start of the line holding the instruction's keyword.</summary>
    public static int KeywordLineStart(SourceText text, InstructionSyntax instruction) =>
        text.Lines.GetLineStart(text.Lines.GetLineFromOffset(instruction.Span.Start));

    /// <summary>The start of the comment lines directly above the keyword line (the keyword line start when there are none).</summary>
    public static int BlockStart(SourceText text, InstructionSyntax instruction)
    {
        var lines = text.Lines;
        var line = lines.GetLineFromOffset(instruction.Span.Start);
        var start = lines.GetLineStart(line);
        while (line > 0)
        {
            var previousStart = lines.GetLineStart(line - 1);
            if (previousStart < instruction.FullSpan.Start) break;
            var content = text.ToString(TextSpan.FromBounds(previousStart, lines.GetLineEnd(line - 1))).TrimStart(' ', '\t');
            if (content.Length == 0 || content[0] != '#') break;
            line--;
            start = previousStart;
        }
        return start;
    }

    /// <summary>The span of the instruction's final line break (empty at the end of the text when the file ends without one).</summary>
    public static TextSpan FinalLineBreak(SourceText text, InstructionSyntax instruction)
    {
        var end = instruction.FullSpan.End;
        if (end >= 2 && text[end - 2] == '\r' && text[end - 1] == '\n') return TextSpan.FromBounds(end - 2, end);
        if (end >= 1 && text[end - 1] is '\n' or '\r') return TextSpan.FromBounds(end - 1, end);
        return new TextSpan(end, 0);
    }

    /// <summary>Where text inserted "after" the instruction goes: the start of its final line break.</summary>
    public static int Tail(SourceText text, InstructionSyntax instruction) => FinalLineBreak(text, instruction).Start;

    /// <summary>The block: attached comments, the instruction's lines, heredocs and its final line break.</summary>
    public static TextSpan BlockSpan(SourceText text, InstructionSyntax instruction) =>
        TextSpan.FromBounds(BlockStart(text, instruction), instruction.FullSpan.End);

    /// <summary>The block's text, always ending with a line break (one is added when the file ends without one).</summary>
    public static string BlockText(SourceText text, InstructionSyntax instruction, string newline)
    {
        var block = text.ToString(BlockSpan(text, instruction));
        return FinalLineBreak(text, instruction).IsEmpty ? block + newline : block;
    }

    /// <summary>The instruction's own text from its keyword to the end of its arguments (no comments above, no line break).</summary>
    public static string OwnText(SourceText text, InstructionSyntax instruction) => text.ToString(instruction.Span);
}
