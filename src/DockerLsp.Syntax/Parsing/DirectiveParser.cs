using DockerLsp.Syntax.Diagnostics;
using DockerLsp.Syntax.Green;

namespace DockerLsp.Syntax.Parsing;

/// <summary>
/// Reads the parser-directive block at the top of a Dockerfile with BuildKit's rules: consecutive lines of the form
/// <c>#</c> name <c>=</c> value (name <c>[a-zA-Z][a-zA-Z0-9]*</c>, case-insensitive, one of syntax/escape/check, value
/// non-empty), indentation allowed; the first other line (blank, comment, unknown name, instruction) ends the block.
/// </summary>
internal static class DirectiveParser
{
    private static readonly string[] s_known = ["syntax", "escape", "check"];

    /// <summary>Parses directives from <paramref name="position"/>; returns the nodes and the escape character in effect.</summary>
    public static List<GreenNode> Parse(string text, ref int position, List<GreenTrivia> leading, out char escape)
    {
        escape = '\\';
        var nodes = new List<GreenNode>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (position < text.Length)
        {
            var next = PhysicalLines.NextLineStart(text, position);
            var contentEnd = PhysicalLines.ContentEnd(text, position, next);
            if (!TryMatch(text, position, contentEnd, out var m)) break;
            var name = text[m.NameStart..m.NameEnd].ToLowerInvariant();
            if (Array.IndexOf(s_known, name) < 0) break;

            var diagnostics = new List<SyntaxDiagnosticInfo>();
            var value = text[m.ValueStart..m.ValueEnd];
            var lineStart = position - leading.Sum(t => t.FullWidth);
            if (!seen.Add(name))
            {
                diagnostics.Add(new SyntaxDiagnosticInfo(SyntaxDiagnosticIds.DuplicateDirective, DiagnosticSeverity.Error,
                    $"Only one '{name}' parser directive can be used.", m.HashPosition - lineStart, contentEnd - m.HashPosition));
            }
            else if (name == "escape")
            {
                if (value is "\\" or "`") escape = value[0];
                else diagnostics.Add(new SyntaxDiagnosticInfo(SyntaxDiagnosticIds.InvalidEscapeDirective, DiagnosticSeverity.Error,
                    $"Invalid escape character '{value}': it must be '\\' or '`'.", m.ValueStart - lineStart, m.ValueEnd - m.ValueStart));
            }
            else if (name == "check" && CheckDirectiveValue.Parse(value) is { Error: { } error })
            {
                diagnostics.Add(new SyntaxDiagnosticInfo(SyntaxDiagnosticIds.InvalidCheckDirective, DiagnosticSeverity.Warning,
                    error, m.ValueStart - lineStart, m.ValueEnd - m.ValueStart));
            }

            if (m.HashPosition > position) leading.Add(TriviaFactory.Create(SyntaxKind.WhitespaceTrivia, text[position..m.HashPosition]));
            var hash = GreenToken.Create(SyntaxKind.HashToken, "#", null, leading.ToArray(), Whitespace(text, m.HashPosition + 1, m.NameStart));
            var nameToken = GreenToken.Create(SyntaxKind.DirectiveNameToken, text[m.NameStart..m.NameEnd], null, null, Whitespace(text, m.NameEnd, m.EqualsPosition));
            var equals = GreenToken.Create(SyntaxKind.EqualsToken, "=", null, null, Whitespace(text, m.EqualsPosition + 1, m.ValueStart));
            var trailing = new List<GreenTrivia>();
            if (contentEnd > m.ValueEnd) trailing.Add(TriviaFactory.Create(SyntaxKind.WhitespaceTrivia, text[m.ValueEnd..contentEnd]));
            if (next > contentEnd) trailing.Add(TriviaFactory.Create(SyntaxKind.EndOfLineTrivia, text[contentEnd..next]));
            var valueToken = GreenToken.Create(SyntaxKind.DirectiveValueToken, value, null, null, trailing.ToArray());
            nodes.Add(new GreenInternalNode(SyntaxKind.ParserDirective, [hash, nameToken, equals, valueToken], diagnostics.Count > 0 ? diagnostics.ToArray() : null));
            leading.Clear();
            position = next;
        }
        return nodes;
    }

    private static GreenTrivia[]? Whitespace(string text, int start, int end) =>
        end > start ? [TriviaFactory.Create(SyntaxKind.WhitespaceTrivia, text[start..end])] : null;

    /// <summary>Positions of the parts of a directive line.</summary>
    private readonly record struct Match(int HashPosition, int NameStart, int NameEnd, int EqualsPosition, int ValueStart, int ValueEnd);

    /// <summary>Matches <c>^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$</c> (RE2's <c>\s</c> is ASCII) after leading whitespace, by hand.</summary>
    private static bool TryMatch(string text, int start, int end, out Match match)
    {
        match = default;
        var i = PhysicalLines.SkipSpaces(text, start, end);
        if (i >= end || text[i] != '#') return false;
        var hash = i++;
        while (i < end && IsReSpace(text[i])) i++;
        if (i >= end || !char.IsAsciiLetter(text[i])) return false;
        var nameStart = i;
        while (i < end && char.IsAsciiLetterOrDigit(text[i])) i++;
        var nameEnd = i;
        while (i < end && IsReSpace(text[i])) i++;
        if (i >= end || text[i] != '=') return false;
        var equals = i++;
        var afterEquals = i;
        while (i < end && IsReSpace(text[i])) i++;
        int valueStart, valueEnd;
        if (i < end)
        {
            valueStart = i;
            valueEnd = end;
            while (valueEnd > valueStart && IsReSpace(text[valueEnd - 1])) valueEnd--;
        }
        else if (end > afterEquals)
        {
            // `(.+?)` must take one character: with only whitespace after '=', RE2 gives the last one.
            valueStart = end - 1;
            valueEnd = end;
        }
        else
        {
            return false;
        }
        match = new Match(hash, nameStart, nameEnd, equals, valueStart, valueEnd);
        return true;
    }

    private static bool IsReSpace(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';
}
