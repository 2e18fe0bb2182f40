using DockerLsp.Syntax.Diagnostics;
using DockerLsp.Syntax.Green;

namespace DockerLsp.Syntax.Parsing;

/// <summary>
/// Turns an instruction spec (logical coordinates) into green nodes over the physical text: maps every token back
/// through the logical line, gives the text between tokens to trivia (whitespace, continuations, skipped comment and
/// empty lines, the final line break), and positions diagnostics relative to the instruction's full start.
/// Invariant: the concatenated full text of the result equals the physical region it was built from.
/// </summary>
internal sealed class GreenBuilder
{
    private readonly string _text;
    private readonly LogicalLine _line;
    private readonly List<TokenSpec> _tokens = [];
    private readonly Dictionary<TokenSpec, GreenToken> _built = new(ReferenceEqualityComparer.Instance);

    public GreenBuilder(string physicalText, LogicalLine line)
    {
        _text = physicalText;
        _line = line;
    }

    /// <summary>Builds the instruction node. <paramref name="leading"/> is the trivia before the keyword (previous blank and comment lines, indentation).</summary>
    public GreenInternalNode Build(NodeSpec root, List<GreenTrivia> leading, int regionStart, List<SpecDiagnostic> logicalDiagnostics,
        List<SyntaxDiagnosticInfo> absoluteDiagnostics, IReadOnlyList<GreenNode> heredocs, int leadingEnd)
    {
        Flatten(root);
        AssignTrivia(leading, leadingEnd);
        var children = new List<GreenNode>(root.Children.Count + heredocs.Count);
        foreach (var child in root.Children) children.Add(BuildElement(child));
        children.AddRange(heredocs);

        var diagnostics = new List<SyntaxDiagnosticInfo>(logicalDiagnostics.Count + absoluteDiagnostics.Count);
        foreach (var d in logicalDiagnostics)
        {
            var start = _line.ToPhysicalStart(d.Start);
            var end = Math.Max(start, _line.ToPhysicalEnd(d.End, d.Start));
            diagnostics.Add(new SyntaxDiagnosticInfo(d.Id, d.Severity, d.Message, start - regionStart, end - start));
        }
        foreach (var d in absoluteDiagnostics) diagnostics.Add(d with { Offset = d.Offset - regionStart });
        return new GreenInternalNode(root.Kind, children.ToArray(), diagnostics.Count > 0 ? diagnostics.ToArray() : null);
    }

    private void Flatten(NodeSpec node)
    {
        foreach (var child in node.Children)
        {
            if (child is TokenSpec token) _tokens.Add(token);
            else Flatten((NodeSpec)child);
        }
    }

    private GreenNode BuildElement(SpecElement element)
    {
        if (element is TokenSpec token) return _built[token];
        var node = (NodeSpec)element;
        var children = new GreenNode[node.Children.Count];
        for (var i = 0; i < children.Length; i++) children[i] = BuildElement(node.Children[i]);
        return new GreenInternalNode(node.Kind, children);
    }

    private void AssignTrivia(List<GreenTrivia> leading, int cursor)
    {
        var anchors = new List<(TokenSpec Spec, int Start, int End)>();
        for (var i = 0; i < _tokens.Count; i++)
        {
            var spec = _tokens[i];
            var start = _line.ToPhysicalStart(spec.Start);
            var end = spec.Missing ? start : _line.ToPhysicalEnd(spec.End, spec.Start);
            if (end > start || i == 0) anchors.Add((spec, start, end));
            else _built[spec] = MakeToken(spec, start, end, null, null);
        }

        var trailing = new List<GreenTrivia>[anchors.Count];
        for (var i = 0; i < anchors.Count; i++)
        {
            var (_, start, end) = anchors[i];
            var between = Classify(cursor, start);
            if (i == 0) leading.AddRange(between);
            else trailing[i - 1].AddRange(between);
            trailing[i] = [];
            cursor = end;
        }
        if (anchors.Count > 0) trailing[^1].AddRange(Classify(cursor, _line.PhysicalEnd));

        for (var i = 0; i < anchors.Count; i++)
        {
            var (spec, start, end) = anchors[i];
            _built[spec] = MakeToken(spec, start, end, i == 0 ? leading.ToArray() : null, trailing[i].ToArray());
        }
    }

    private GreenToken MakeToken(TokenSpec spec, int start, int end, GreenTrivia[]? leading, GreenTrivia[]? trailing)
    {
        if (spec.Missing)
        {
            return new GreenToken(spec.Kind, string.Empty, null, leading, trailing, GreenFlags.IsMissing);
        }
        var raw = _text.Substring(start, end - start);
        var value = spec.Value ?? (end - start == spec.End - spec.Start ? null : _line.Text.Substring(spec.Start, spec.End - spec.Start));
        return new GreenToken(spec.Kind, raw, value, leading, trailing);
    }

    /// <summary>Splits a physical range between tokens into trivia pieces using the dropped pieces recorded for the line.</summary>
    private List<GreenTrivia> Classify(int start, int end)
    {
        var result = new List<GreenTrivia>();
        if (end <= start) return result;
        var position = start;
        foreach (var piece in _line.Dropped)
        {
            if (piece.End <= position) continue;
            if (piece.Start >= end) break;
            if (piece.Start > position) AddGap(result, position, piece.Start);
            var pieceStart = Math.Max(piece.Start, position);
            var pieceEnd = Math.Min(piece.End, end);
            result.Add(TriviaFactory.Create(piece.Kind, _text.Substring(pieceStart, pieceEnd - pieceStart)));
            position = pieceEnd;
        }
        if (position < end) AddGap(result, position, end);
        return result;
    }

    private void AddGap(List<GreenTrivia> result, int start, int end)
    {
        var allSpace = true;
        for (var i = start; i < end; i++)
        {
            if (!PhysicalLines.IsSpace(_text[i]))
            {
                allSpace = false;
                break;
            }
        }
        result.Add(TriviaFactory.Create(allSpace ? SyntaxKind.WhitespaceTrivia : SyntaxKind.SkippedTextTrivia, _text.Substring(start, end - start)));
    }
}

/// <summary>Creates trivia, sharing the instances for the most common texts (a space, a line feed).</summary>
internal static class TriviaFactory
{
    private static readonly GreenTrivia s_space = new(SyntaxKind.WhitespaceTrivia, " ");
    private static readonly GreenTrivia s_lf = new(SyntaxKind.EndOfLineTrivia, "\n");
    private static readonly GreenTrivia s_crlf = new(SyntaxKind.EndOfLineTrivia, "\r\n");
    private static readonly GreenTrivia s_continuation = new(SyntaxKind.LineContinuationTrivia, "\\\n");

    public static GreenTrivia Create(SyntaxKind kind, string text) => (kind, text) switch
    {
        (SyntaxKind.WhitespaceTrivia, " ") => s_space,
        (SyntaxKind.EndOfLineTrivia, "\n") => s_lf,
        (SyntaxKind.EndOfLineTrivia, "\r\n") => s_crlf,
        (SyntaxKind.LineContinuationTrivia, "\\\n") => s_continuation,
        _ => new GreenTrivia(kind, text),
    };
}
