using System.Text;
using DockerLsp.Syntax.Text;

namespace DockerLsp.TestUtilities;

/// <summary>One span marked in test markup: the ID it names (null for <c>[|...|]</c>, meaning "the rule under test") and its span in the clean text.</summary>
public readonly record struct MarkedSpan(string? Id, TextSpan Span);

/// <summary>
/// Test markup in the Roslyn style: <c>[|text|]</c> marks a span, <c>{|ID:text|}</c> marks a span expected to carry diagnostic ID,
/// <c>$0</c> marks a caret position. Spans may nest. <see cref="Parse"/> removes the markup and returns the clean text with the
/// spans in its coordinates; <see cref="Render"/> does the reverse (used to print actual results in the expected format).
/// </summary>
public sealed record Markup(string Text, IReadOnlyList<MarkedSpan> Spans, int? Caret)
{
    public static Markup Parse(string markup)
    {
        var text = new StringBuilder(markup.Length);
        var spans = new List<MarkedSpan>();
        var open = new Stack<(string? Id, int Start)>();
        int? caret = null;
        var i = 0;
        while (i < markup.Length)
        {
            if (At(markup, i, "[|"))
            {
                open.Push((null, text.Length));
                i += 2;
            }
            else if (At(markup, i, "{|"))
            {
                var colon = markup.IndexOf(':', i + 2);
                if (colon < 0) throw new FormatException($"'{{|' at {i} has no ':' after its ID.");
                open.Push((markup[(i + 2)..colon], text.Length));
                i = colon + 1;
            }
            else if ((At(markup, i, "|]") || At(markup, i, "|}")) && open.Count > 0)
            {
                var (id, start) = open.Pop();
                if ((markup[i + 1] == ']') != (id is null)) throw new FormatException($"Mismatched markup close at {i}.");
                spans.Add(new MarkedSpan(id, TextSpan.FromBounds(start, text.Length)));
                i += 2;
            }
            else if (At(markup, i, "$0"))
            {
                caret = text.Length;
                i += 2;
            }
            else
            {
                text.Append(markup[i]);
                i++;
            }
        }
        if (open.Count > 0) throw new FormatException("Unclosed markup span.");
        return new Markup(text.ToString(), spans.OrderBy(s => s.Span.Start).ThenBy(s => s.Span.End).ToArray(), caret);
    }

    /// <summary>Writes <paramref name="spans"/> into <paramref name="text"/> as <c>{|ID:...|}</c> markup.</summary>
    public static string Render(string text, IEnumerable<MarkedSpan> spans)
    {
        var inserts = new List<(int Position, int Order, string Text)>();
        foreach (var span in spans)
        {
            inserts.Add((span.Span.Start, 1, span.Id is null ? "[|" : "{|" + span.Id + ":"));
            inserts.Add((span.Span.End, 0, span.Id is null ? "|]" : "|}"));
        }
        var builder = new StringBuilder(text);
        foreach (var (position, _, insert) in inserts.OrderByDescending(x => x.Position).ThenBy(x => x.Order))
        {
            builder.Insert(position, insert);
        }
        return builder.ToString();
    }

    private static bool At(string text, int index, string token) => string.CompareOrdinal(text, index, token, 0, token.Length) == 0;
}
