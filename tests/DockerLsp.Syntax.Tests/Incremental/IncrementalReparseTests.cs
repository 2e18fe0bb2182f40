using DockerLsp.Syntax.Text;
using Xunit;
using static DockerLsp.Syntax.Tests.Incremental.IncrementalTestHelper;

namespace DockerLsp.Syntax.Tests.Incremental;

/// <summary>Reuse assertions and the tricky-edit library: every edit is checked against a full parse.</summary>
public class IncrementalReparseTests
{
    private static string FortyInstructions()
    {
        var lines = new List<string> { "# syntax=docker/dockerfile:1", "FROM debian:12 AS build" };
        for (var i = 0; i < 38; i++) lines.Add(i % 3 == 0 ? $"RUN echo step{i} \\\n    && true" : i % 3 == 1 ? $"ENV K{i}=v{i}" : $"COPY src{i} /dst{i}/");
        lines.Add("CMD [\"run\"]");
        return string.Join("\n", lines) + "\n";
    }

    [Fact]
    public void EditingOneRunRebuildsOnlyThatInstructionAndAtMostItsNeighbour()
    {
        var text = FortyInstructions();
        var tree = SyntaxTree.Parse(text);
        Assert.Equal(40, tree.Root.Instructions.Count);
        var run = tree.Root.Instructions.OfType<RunInstructionSyntax>().ElementAt(5);
        var position = run.Span.Start + "RUN echo".Length;
        var edited = EditAndVerify(tree, TextChange.Insert(position, "x"));

        Assert.True(edited.WasIncremental);
        var before = RootGreenChildren(tree);
        var after = RootGreenChildren(edited);
        Assert.Equal(before.Count, after.Count);
        var rebuilt = Enumerable.Range(0, before.Count).Count(i => !ReferenceEquals(before[i], after[i]));
        Assert.InRange(rebuilt, 1, 2);
        var editedIndex = Enumerable.Range(0, after.Count).First(i => after[i] != before[i]);
        Assert.All(Enumerable.Range(0, before.Count).Where(i => i < editedIndex - 1 || i > editedIndex + 1),
            i => Assert.Same(before[i], after[i]));
    }

    [Fact]
    public void EditingTheDirectiveBlockFallsBackToAFullParse()
    {
        var tree = SyntaxTree.Parse(FortyInstructions());
        var edited = EditAndVerify(tree, TextChange.Insert(2, " "));
        Assert.False(edited.WasIncremental);
    }

    [Fact]
    public void ForceFullReparseSwitchDisablesReuse()
    {
        var tree = SyntaxTree.Parse(SourceText.From(FortyInstructions()), new ParseOptions { ForceFullReparse = true });
        var position = tree.Root.Instructions[10].Span.Start;
        var edited = tree.WithChangedText(tree.Text.WithChanges(TextChange.Insert(position + 1, "x")));
        Assert.False(edited.WasIncremental);
    }

    public static TheoryData<string, string, int, int, string> TrickyEdits() => new()
    {
        // description, text, position, delete length, inserted text
        { "add a trailing escape", "FROM a\nRUN one\nRUN two\nRUN three\n", 15, 0, " \\" },
        { "remove a trailing escape", "FROM a\nRUN one \\\nRUN two\nRUN three\n", 15, 2, "" },
        { "type an escape directive at the top", "FROM a\nRUN one\nCOPY a b\nRUN c\n", 0, 0, "# escape=`\n" },
        { "open a heredoc", "FROM a\nRUN one\nRUN two\nRUN three\nRUN four\n", 21, 0, " <<EOF" },
        { "delete a heredoc terminator", "FROM a\nRUN one\nRUN <<EOF\nx\nEOF\nRUN four\nRUN five\n", 29, 4, "" },
        { "retype a heredoc terminator", "FROM a\nRUN one\nRUN <<EOF\nx\nEO\nRUN four\nRUN five\n", 31, 0, "F" },
        { "chomped heredoc with tabs", "FROM a\nRUN one\nRUN <<-EOT\n\tx\n\tEOT\nRUN four\n", 33, 0, "\t" },
        { "two heredocs on one line", "FROM a\nRUN one\nCOPY <<A <<B /d/\na\nA\nb\nB\nRUN z\n", 34, 1, "" },
        { "split a CRLF", "FROM a\r\nRUN one\r\nRUN two\r\nRUN three\r\n", 16, 0, "x" },
        { "join CR and LF", "FROM a\r\nRUN one\rx\nRUN two\r\nRUN three\r\n", 15, 1, "" },
        { "edit at EOF without newline", "FROM a\nRUN one\nRUN two\nRUN three", 31, 0, "3" },
        { "append a continuation at EOF", "FROM a\nRUN one\nRUN two\nRUN three", 31, 0, " \\" },
        { "byte order mark removed", "\uFEFFFROM a\nRUN one\nRUN two\nRUN three\n", 0, 1, "" },
        { "empty continuation line", "FROM a\nRUN one \\\n    two\nRUN three\nRUN four\n", 17, 0, "\n" },
        { "edit inside JSON", "FROM a\nRUN one\nCMD [\"a\", \"b\"]\nRUN four\n", 22, 0, "x\", \"" },
        { "break JSON", "FROM a\nRUN one\nCMD [\"a\", \"b\"]\nRUN four\n", 28, 1, "" },
        { "comment line inside continuation", "FROM a\nRUN one \\\n  two\nRUN three\nRUN four\n", 17, 0, "# note\n" },
        { "delete a whole instruction", "FROM a\nRUN one\nRUN two\nRUN three\nRUN four\n", 15, 8, "" },
        { "insert a new instruction", "FROM a\nRUN one\nRUN two\nRUN three\n", 15, 0, "ENV X=1\n" },
        { "replace across instructions", "FROM a\nRUN one\nRUN two\nRUN three\nRUN four\n", 10, 12, "X\nLABEL a=b\nRUN" },
        { "unterminated heredoc swallows the rest", "FROM a\nRUN one\nRUN two\nRUN three\nRUN four\n", 21, 0, " <<END" },
        { "escape directive changed", "# escape=`\nFROM a\nRUN one `\n two\nRUN three\n", 9, 1, "\\" },
        { "comment becomes instruction", "FROM a\nRUN one\n# RUN two\nRUN three\nRUN four\n", 15, 2, "" },
        { "delete everything after first instruction", "FROM a\nRUN one\nRUN two\nRUN three\n", 7, 24, "" },
        { "edit in trailing comments", "FROM a\nRUN one\nRUN two\n# end\n", 25, 0, "ing" },
    };

    [Theory]
    [MemberData(nameof(TrickyEdits))]
    public void TrickyEditMatchesFullParse(string description, string text, int position, int deleteLength, string insert)
    {
        Assert.NotEmpty(description);
        var tree = SyntaxTree.Parse(text);
        position = Math.Min(position, text.Length);
        deleteLength = Math.Min(deleteLength, text.Length - position);
        var edited = EditAndVerify(tree, new TextChange(new TextSpan(position, deleteLength), insert));
        // Undo returns to the original tree shape.
        var undo = new TextChange(new TextSpan(position, insert.Length), text.Substring(position, deleteLength));
        var restored = EditAndVerify(edited, undo);
        Assert.Equal(text, restored.Root.ToFullString());
    }
}
