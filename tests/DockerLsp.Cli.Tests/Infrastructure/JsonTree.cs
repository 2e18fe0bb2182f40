using System.Text;
using System.Text.Json;
using Xunit;

namespace DockerLsp.Cli.Tests.Infrastructure;

/// <summary>Reads the documents written by <c>parse --format json</c> back: the full text, and shape checks.</summary>
public static class JsonTree
{
    /// <summary>Concatenates every leading trivia, token text and trailing trivia in document order.</summary>
    public static string FullText(JsonElement node)
    {
        var builder = new StringBuilder();
        Append(node, builder);
        return builder.ToString();
    }

    private static void Append(JsonElement element, StringBuilder builder)
    {
        if (element.TryGetProperty("children", out var children))
        {
            foreach (var child in children.EnumerateArray()) Append(child, builder);
            return;
        }
        foreach (var trivia in element.GetProperty("leading").EnumerateArray()) builder.Append(trivia.GetProperty("text").GetString());
        builder.Append(element.GetProperty("text").GetString());
        foreach (var trivia in element.GetProperty("trailing").EnumerateArray()) builder.Append(trivia.GetProperty("text").GetString());
    }

    /// <summary>
    /// Asserts that every node's start and length agree with its children: the first child starts where the node
    /// starts, each child starts where the previous one ended, and the children end where the node ends.
    /// Returns the node's width.
    /// </summary>
    public static int AssertSpansConsistent(JsonElement element, int expectedStart)
    {
        if (!element.TryGetProperty("children", out var children)) return FullText(element).Length;
        Assert.Equal(expectedStart, element.GetProperty("start").GetInt32());
        var position = expectedStart;
        foreach (var child in children.EnumerateArray()) position += AssertSpansConsistent(child, position);
        Assert.Equal(position - expectedStart, element.GetProperty("length").GetInt32());
        return position - expectedStart;
    }
}
