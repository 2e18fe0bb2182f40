using DockerLsp.Syntax.Text;
using Xunit;

namespace DockerLsp.Syntax.Tests;

/// <summary>
/// The line index of an edited text is derived from the previous text's index (only the changed region is rescanned); it
/// must always equal a fresh scan, including when an edit splits or joins a <c>\r\n</c> pair or touches either end.
/// </summary>
public sealed class LineIndexTests
{
    [Theory]
    [InlineData("a\r\nb", 2, 0, "x")]      // between \r and \n: splits the pair into two breaks
    [InlineData("a\rx\nb", 2, 1, "")]      // deleting x joins \r and \n into one break
    [InlineData("a\nb\n", 0, 0, "\n")]     // at the start
    [InlineData("a\nb\n", 4, 0, "\r")]     // at the end, a lone \r
    [InlineData("a\r", 2, 0, "\n")]        // completes a trailing \r to \r\n
    [InlineData("abc", 0, 3, "")]          // everything deleted
    [InlineData("", 0, 0, "x\r\ny\rz\n")]   // into an empty text
    public void A_derived_index_equals_a_fresh_scan(string text, int start, int length, string newText)
    {
        var before = SourceText.From(text);
        _ = before.Lines;
        var after = before.WithChanges(new TextChange(new TextSpan(start, length), newText));
        AssertSameLines(after);
    }

    [Fact]
    public void Random_edit_chains_keep_the_index_equal_to_a_fresh_scan()
    {
        var seed = Environment.TickCount;
        var random = new Random(seed);
        string[] pieces = ["\r", "\n", "\r\n", "a", "bc", " ", "\n\n", "x\r"];
        for (var run = 0; run < 200; run++)
        {
            var text = SourceText.From(string.Concat(Enumerable.Range(0, random.Next(0, 30)).Select(_ => pieces[random.Next(pieces.Length)])));
            _ = text.Lines;
            for (var step = 0; step < 20; step++)
            {
                var start = random.Next(text.Length + 1);
                var length = random.Next(Math.Min(4, text.Length - start) + 1);
                var inserted = string.Concat(Enumerable.Range(0, random.Next(0, 3)).Select(_ => pieces[random.Next(pieces.Length)]));
                text = text.WithChanges(new TextChange(new TextSpan(start, length), inserted));
                AssertSameLines(text, $"seed {seed}, run {run}, step {step}");
            }
        }
    }

    private static void AssertSameLines(SourceText text, string? context = null)
    {
        var derived = text.Lines;
        var fresh = new LineIndex(text.ToString());
        var derivedStarts = Enumerable.Range(0, derived.LineCount).Select(derived.GetLineStart).ToArray();
        var freshStarts = Enumerable.Range(0, fresh.LineCount).Select(fresh.GetLineStart).ToArray();
        Assert.True(freshStarts.SequenceEqual(derivedStarts),
            $"{context} text {System.Text.Json.JsonSerializer.Serialize(text.ToString())}: expected [{string.Join(",", freshStarts)}], derived [{string.Join(",", derivedStarts)}]");
    }
}
