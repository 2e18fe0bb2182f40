using System.Text;
using DockerLsp.Syntax;

namespace DockerLsp.Analysis.Shell;

/// <summary>
/// Rebuilds the text the shell receives for a shell-form argument node, the way BuildKit's logical line is made (tokens' value
/// text joined by the whitespace between them; continuations, comment and empty lines dropped), while recording for each
/// character the Dockerfile offset it came from.
/// </summary>
internal static class LogicalTextBuilder
{
    public static ShellSourceMap Build(SyntaxNode node, char escape)
    {
        var source = node.SyntaxTree?.Text;
        // The logical text is never longer than the raw text, so one buffer of that size needs no growth.
        var capacity = node.FullSpan.Length + 1;
        var text = new StringBuilder(capacity);
        var map = new int[capacity];
        var length = 0;
        var first = true;
        var previousEnd = -1;
        var end = node.Span.End;
        foreach (var token in node.DescendantTokens())
        {
            if (token.Kind is SyntaxKind.HeredocBodyToken or SyntaxKind.HeredocTerminatorToken || token.Text.Length == 0) continue;
            if (!first) AppendGap(source, token, previousEnd, text, map, ref length);
            AppendToken(token, escape, text, map, ref length);
            previousEnd = token.Span.End;
            end = previousEnd;
            first = false;
        }
        map[length] = end;
        return new ShellSourceMap(text.ToString(), map);
    }

    /// <summary>
    /// The text between two tokens: usually a run of blanks, copied as is; otherwise (continuations, comment or empty lines) only
    /// its whitespace and skipped-text trivia count, as BuildKit joins the logical line.
    /// </summary>
    private static void AppendGap(DockerLsp.Syntax.Text.SourceText? source, SyntaxToken token, int previousEnd, StringBuilder text, int[] map, ref int length)
    {
        var gapStart = previousEnd;
        var gapEnd = token.Span.Start;
        if (source is not null && gapEnd >= gapStart)
        {
            var gap = source.AsSpan(DockerLsp.Syntax.Text.TextSpan.FromBounds(gapStart, gapEnd));
            if (gap.IndexOfAnyExcept(' ', '\t') < 0)
            {
                text.Append(gap);
                for (var i = 0; i < gap.Length; i++) map[length++] = gapStart + i;
                return;
            }
        }
        var previous = token.Parent?.FindToken(Math.Max(0, gapStart - 1)) ?? default;
        if (previous.Span.End == gapStart) AppendWhitespace(previous.TrailingTrivia, text, map, ref length);
        AppendWhitespace(token.LeadingTrivia, text, map, ref length);
    }

    private static void AppendWhitespace(IEnumerable<SyntaxTrivia> trivia, StringBuilder text, int[] map, ref int length)
    {
        foreach (var piece in trivia)
        {
            if (piece.Kind is not (SyntaxKind.WhitespaceTrivia or SyntaxKind.SkippedTextTrivia)) continue;
            for (var i = 0; i < piece.Text.Length; i++)
            {
                text.Append(piece.Text[i]);
                map[length++] = piece.Position + i;
            }
        }
    }

    /// <summary>Aligns the value text with the raw text: raw characters absent from the value are continuations and dropped lines.</summary>
    private static void AppendToken(SyntaxToken token, char escape, StringBuilder text, int[] map, ref int length)
    {
        var raw = token.Text;
        var value = token.ValueText;
        var start = token.Span.Start;
        if (ReferenceEquals(raw, value) || raw == value)
        {
            text.Append(raw);
            for (var i = 0; i < raw.Length; i++) map[length++] = start + i;
            return;
        }
        var r = 0;
        foreach (var c in value)
        {
            r = SkipContinuation(raw, r, escape);
            if (r < raw.Length && raw[r] != c)
            {
                // Not a continuation and not equal: search forward for the character (the removed text is never long).
                var found = raw.IndexOf(c, r);
                if (found >= 0) r = found;
            }
            text.Append(c);
            map[length++] = start + Math.Min(r, Math.Max(0, raw.Length - 1));
            r++;
        }
    }

    /// <summary>Skips an escape + spaces + line break, and the empty or comment lines that follow it.</summary>
    private static int SkipContinuation(string raw, int r, char escape)
    {
        while (r < raw.Length && raw[r] == escape)
        {
            var i = r + 1;
            while (i < raw.Length && raw[i] is ' ' or '\t') i++;
            if (i < raw.Length && raw[i] == '\r') i++;
            if (i >= raw.Length || raw[i] != '\n') return r;
            i++;
            while (true)
            {
                var lineStart = i;
                while (i < raw.Length && raw[i] is ' ' or '\t') i++;
                if (i < raw.Length && raw[i] == '#')
                {
                    while (i < raw.Length && raw[i] != '\n') i++;
                    if (i < raw.Length) i++;
                    continue;
                }
                if (i < raw.Length && raw[i] is '\n' or '\r')
                {
                    if (raw[i] == '\r') i++;
                    if (i < raw.Length && raw[i] == '\n') i++;
                    continue;
                }
                i = lineStart;
                break;
            }
            r = i;
        }
        return r;
    }
}
