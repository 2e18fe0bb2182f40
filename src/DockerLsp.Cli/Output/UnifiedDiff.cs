using System.Text;

namespace DockerLsp.Cli.Output;

/// <summary>
/// A unified diff (<c>--- a/path</c>, <c>+++ b/path</c>, <c>@@ -l,n +l,n @@</c> hunks with 3 lines of context) between two texts,
/// line by line, from a longest-common-subsequence table. Dockerfiles are small, so the quadratic table is fine; the line break of
/// each line is kept so that a changed line ending shows as a change.
/// </summary>
public static class UnifiedDiff
{
    private const int Context = 3;

    public static string Create(string path, string oldText, string newText)
    {
        if (oldText == newText) return string.Empty;
        var a = SplitLines(oldText);
        var b = SplitLines(newText);
        var edits = Diff(a, b);
        var builder = new StringBuilder();
        builder.Append("--- a/").Append(path).Append('\n').Append("+++ b/").Append(path).Append('\n');
        var i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Kind == ' ')
            {
                i++;
                continue;
            }
            var start = Math.Max(0, i - Context);
            var end = i;
            // Extend the hunk while changes are within 2 * Context lines of each other.
            while (end < edits.Count)
            {
                if (edits[end].Kind != ' ')
                {
                    end++;
                    continue;
                }
                var next = end;
                while (next < edits.Count && edits[next].Kind == ' ') next++;
                if (next < edits.Count && next - end <= 2 * Context) end = next;
                else break;
            }
            var stop = Math.Min(edits.Count, end + Context);
            var oldStart = edits[start].OldLine;
            var newStart = edits[start].NewLine;
            var oldCount = edits.Skip(start).Take(stop - start).Count(e => e.Kind != '+');
            var newCount = edits.Skip(start).Take(stop - start).Count(e => e.Kind != '-');
            builder.Append($"@@ -{(oldCount == 0 ? oldStart : oldStart + 1)},{oldCount} +{(newCount == 0 ? newStart : newStart + 1)},{newCount} @@\n");
            for (var k = start; k < stop; k++)
            {
                var line = edits[k].Text;
                builder.Append(edits[k].Kind).Append(line.TrimEnd('\n', '\r'));
                builder.Append('\n');
                if (!line.EndsWith('\n')) builder.Append("\\ No newline at end of file\n");
            }
            i = stop;
        }
        return builder.ToString();
    }

    /// <summary>One line of the edit script: ' ' kept, '-' deleted, '+' inserted, with the old and new line indexes where it applies.</summary>
    private readonly record struct Edit(char Kind, string Text, int OldLine, int NewLine);

    private static List<string> SplitLines(string text)
    {
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }

    private static List<Edit> Diff(List<string> a, List<string> b)
    {
        var lcs = new int[a.Count + 1, b.Count + 1];
        for (var i = a.Count - 1; i >= 0; i--)
        {
            for (var j = b.Count - 1; j >= 0; j--)
            {
                lcs[i, j] = a[i] == b[j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }
        var edits = new List<Edit>();
        int x = 0, y = 0;
        while (x < a.Count || y < b.Count)
        {
            if (x < a.Count && y < b.Count && a[x] == b[y])
            {
                edits.Add(new Edit(' ', a[x], x, y));
                x++;
                y++;
            }
            else if (x < a.Count && (y == b.Count || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                // Deletions first, as diff(1) prints them.
                edits.Add(new Edit('-', a[x], x, y));
                x++;
            }
            else
            {
                edits.Add(new Edit('+', b[y], x, y));
                y++;
            }
        }
        return edits;
    }
}
