using DockerLsp.Syntax.Green;
using DockerLsp.Syntax.Tests.Infrastructure;
using DockerLsp.Syntax.Text;
using Xunit;

namespace DockerLsp.Syntax.Tests.Incremental;

/// <summary>Applies an edit incrementally and checks the result against a full parse of the same text (the oracle).</summary>
internal static class IncrementalTestHelper
{
    public static SyntaxTree EditAndVerify(SyntaxTree tree, TextChange change)
    {
        var newText = tree.Text.WithChanges(change);
        var incremental = tree.WithChangedText(newText);
        var full = SyntaxTree.Parse(newText, new ParseOptions { ForceFullReparse = true });
        var difference = TreeEquivalence.FindDifference(incremental, full);
        if (difference is not null)
        {
            Assert.Fail($"Incremental parse differs from full parse after {change} on:\n{TextForMessage(tree.Text.ToString())}\n{difference}");
        }
        Assert.Equal(newText.ToString(), incremental.Root.ToFullString());
        return incremental;
    }

    /// <summary>The green children of the root, for reuse assertions.</summary>
    public static IReadOnlyList<object> RootGreenChildren(SyntaxTree tree)
    {
        var green = tree.Root.Green;
        var list = new List<object>();
        for (var i = 0; i < green.SlotCount; i++) list.Add(green.GetSlot(i));
        return list;
    }

    private static string TextForMessage(string text) => Printing.TreePrinter.Escape(text.Length > 2000 ? text[..2000] + "…" : text);
}
