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
        var text = new StringBuilder();
        var map = new List<int>();
        var first = true;
        var pendingText = new StringBuilder();
        var pendingMap = new List<int>();
        var end = node.Span.End;
        foreach (var token in node.DescendantTokens())
        {
            if (token.Kind is SyntaxKind.HeredocBodyToken or SyntaxKind.HeredocTerminatorToken) continue;
            if (!first) AppendWhitespace(token.LeadingTrivia, pendingText, pendingMap);
            if (token.Text.Length > 0)
            {
                text.Append(pendingText);
                map.AddRange(pendingMap);
                pendingText.Clear();
                pendingMap.Clear();
                AppendToken(token, escape, text, map);
                end = token.Span.End;
                first = false;
            }
            AppendWhitespace(token.TrailingTrivia, pendingText, pendingMap);
        }
        map.Add(end);
        return new ShellSourceMap(text.ToString(), map.ToArray());
    }

    private static void AppendWhitespace(IEnumerable<SyntaxTrivia> trivia, StringBuilder text, List<int> map)
    {
        foreach (var piece in trivia)
        {
            if (piece.Kind is not (SyntaxKind.WhitespaceTrivia or SyntaxKind.SkippedTextTrivia)) continue;
            for (var i = 0; i < piece.Text.Length; i++)
            {
                text.Append(piece.Text[i]);
                map.Add(piece.Position + i);
            }
        }
    }

    /// <summary>Aligns the value text with the raw text: raw characters absent from the value are continuations and dropped lines.</summary>
    private static void AppendToken(SyntaxToken token, char escape, StringBuilder text, List<int> map)
    {
        var raw = token.Text;
        var value = token.ValueText;
        var start = token.Span.Start;
        if (raw == value)
        {
            text.Append(raw);
            for (var i = 0; i < raw.Length; i++) map.Add(start + i);
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
            map.Add(start + Math.Min(r, Math.Max(0, raw.Length - 1)));
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
