using DockerLsp.Syntax.Printing;
using DockerLsp.Syntax.Text;
using Xunit;

namespace DockerLsp.Syntax.Tests.Infrastructure;

/// <summary>Assertions shared by parser tests: lossless round trip, whole-tree shape (printing the actual tree on failure).</summary>
public static class TreeAssert
{
    public static SyntaxTree ParseFile(string path) => SyntaxTree.Parse(SourceText.FromUtf8(File.ReadAllBytes(path)));

    public static void RoundTrips(SyntaxTree tree)
    {
        var expected = tree.Text.ToString();
        var actual = tree.Root.ToFullString();
        if (expected != actual)
        {
            var index = expected.AsSpan().CommonPrefixLength(actual);
            Assert.Fail($"Round trip differs at offset {index}:\nexpected …{Excerpt(expected, index)}\nactual   …{Excerpt(actual, index)}");
        }
    }

    /// <summary>Asserts the tree shape without spans; the failure message holds the actual tree ready to paste.</summary>
    public static void HasShape(SyntaxTree tree, string expected, bool includeTrivia = false)
    {
        var actual = TreePrinter.Print(tree.Root, includeTrivia, includeSpans: false);
        var normalizedExpected = expected.Replace("\r\n", "\n").Trim();
        if (normalizedExpected != actual.Trim())
        {
            Assert.Fail("Tree shape differs. Actual tree:\n" + actual);
        }
    }

    private static string Excerpt(string text, int index) =>
        TreePrinter.Escape(text.Substring(index, Math.Min(40, text.Length - index)));
}
