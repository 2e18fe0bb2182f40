using DockerLsp.Syntax.Diagnostics;
using DockerLsp.Syntax.Green;

namespace DockerLsp.Syntax.Parsing;

/// <summary>
/// Turns an instruction spec (logical coordinates) into green nodes over the physical text: maps every token back
/// through the logical line, gives the text between tokens to trivia (whitespace, continuations, skipped comment and
/// empty lines, the final line break), and positions diagnostics relative to the instruction's full start.
/// Invariant: the concatenated full text of the result equals the physical region it was built from.
/// One instance serves a whole parse (its buffers are reused), so it is not thread-safe.
/// </summary>
internal sealed class GreenBuilder
{
    private string _text = string.Empty;
    private readonly StringTable _strings;
    private readonly List<TokenSpec> _tokens = new(32);
    private readonly List<GreenTrivia> _trivia = new(8);
    private LogicalLine _line = null!;
    private int _pieceIndex;

    public GreenBuilder(StringTable strings)
    {
        _strings = strings;
    }

    public void Retarget(string physicalText) => _text = physicalText;

    /// <summary>Builds the instruction node. <paramref name="leading"/> is the trivia before the keyword (previous blank and comment lines, indentation).</summary>
    public GreenInternalNode Build(LogicalLine line, NodeSpec root, List<GreenTrivia> leading, int regionStart, List<SpecDiagnostic> logicalDiagnostics,
        List<SyntaxDiagnosticInfo> absoluteDiagnostics, List<GreenNode>? heredocs, int leadingEnd)
    {
        _line = line;
        _pieceIndex = 0;
        _tokens.Clear();
        Flatten(root);
        AssignTrivia(leading, leadingEnd);
        var heredocCount = heredocs?.Count ?? 0;
        var children = new GreenNode[root.Children.Count + heredocCount];
        for (var i = 0; i < root.Children.Count; i++) children[i] = BuildElement(root.Children[i]);
        for (var i = 0; i < heredocCount; i++) children[root.Children.Count + i] = heredocs![i];

        SyntaxDiagnosticInfo[]? diagnostics = null;
        var count = logicalDiagnostics.Count + absoluteDiagnostics.Count;
        if (count > 0)
        {
            diagnostics = new SyntaxDiagnosticInfo[count];
            var index = 0;
            foreach (var d in logicalDiagnostics)
            {
                var start = line.ToPhysicalStart(d.Start);
                var end = Math.Max(start, line.ToPhysicalEnd(d.End, d.Start));
                diagnostics[index++] = new SyntaxDiagnosticInfo(d.Id, d.Severity, d.Message, start - regionStart, end - start);
            }
            foreach (var d in absoluteDiagnostics) diagnostics[index++] = d with { Offset = d.Offset - regionStart };
        }
        return new GreenInternalNode(root.Kind, children, diagnostics);
    }

    private void Flatten(NodeSpec node)
    {
        foreach (var child in node.Children)
        {
            if (child is TokenSpec token) _tokens.Add(token);
            else Flatten((NodeSpec)child);
        }
    }

    private static GreenNode BuildElement(SpecElement element)
    {
        if (element is TokenSpec token) return token.Built!;
        var node = (NodeSpec)element;
        var children = new GreenNode[node.Children.Count];
        for (var i = 0; i < children.Length; i++) children[i] = BuildElement(node.Children[i]);
        return new GreenInternalNode(node.Kind, children);
    }

    /// <summary>
    /// One pass over the tokens: tokens with text (and always the first) are anchors; the trivia between two anchors
    /// becomes the earlier one's trailing trivia, the trivia before the first its leading trivia. Zero-width tokens get none.
    /// </summary>
    private void AssignTrivia(List<GreenTrivia> leading, int cursor)
    {
        TokenSpec? anchor = null;
        int anchorStart = 0, anchorEnd = 0;
        GreenTrivia[]? anchorLeading = null;
        for (var i = 0; i < _tokens.Count; i++)
        {
            var spec = _tokens[i];
            var start = _line.ToPhysicalStart(spec.Start);
            var end = spec.Missing ? start : _line.ToPhysicalEnd(spec.End, spec.Start);
            if (end <= start && i > 0)
            {
                spec.Built = MakeToken(spec, start, end, null, null);
                continue;
            }
            if (anchor is null)
            {
                Classify(cursor, start, leading);
                anchorLeading = TriviaFactory.ToArray(leading);
            }
            else
            {
                anchor.Built = MakeToken(anchor, anchorStart, anchorEnd, anchorLeading, TriviaBetween(cursor, start));
                anchorLeading = null;
            }
            anchor = spec;
            anchorStart = start;
            anchorEnd = end;
            cursor = end;
        }
        if (anchor is not null)
        {
            anchor.Built = MakeToken(anchor, anchorStart, anchorEnd, anchorLeading, TriviaBetween(cursor, _line.PhysicalEnd));
        }
    }

    /// <summary>
    /// The trailing trivia for the physical range [start, end). The two commonest ranges, a run of spaces between two
    /// words and the line break after the last token, are answered with shared arrays without classifying (they are
    /// most of the trivia in a file); everything else goes through <see cref="Classify"/>.
    /// </summary>
    private GreenTrivia[] TriviaBetween(int start, int end)
    {
        if (end <= start) return TriviaFactory.None;
        SkipPiecesBefore(start);
        var pieces = _line.Dropped;
        if (_pieceIndex == pieces.Count || pieces[_pieceIndex].Start >= end)
        {
            if (TriviaFactory.SharedSpaces(_text, start, end) is { } spaces) return spaces;
        }
        else if (pieces[_pieceIndex] is { Kind: SyntaxKind.EndOfLineTrivia } piece && piece.Start == start && piece.End == end
            && TriviaFactory.SharedLineBreak(_text, start, end) is { } lineBreak)
        {
            _pieceIndex++;
            return lineBreak;
        }
        _trivia.Clear();
        Classify(start, end, _trivia);
        return TriviaFactory.ToArray(_trivia);
    }

    /// <summary>Moves <see cref="_pieceIndex"/> to the first dropped piece that ends after <paramref name="position"/>.</summary>
    private void SkipPiecesBefore(int position)
    {
        var pieces = _line.Dropped;
        // Ranges come in increasing order, so resume from the first piece not yet passed: linear per instruction.
        if (_pieceIndex > 0 && (_pieceIndex > pieces.Count || pieces[_pieceIndex - 1].End > position)) _pieceIndex = 0;
        while (_pieceIndex < pieces.Count && pieces[_pieceIndex].End <= position) _pieceIndex++;
    }

    private GreenToken MakeToken(TokenSpec spec, int start, int end, GreenTrivia[]? leading, GreenTrivia[]? trailing)
    {
        if (spec.Missing)
        {
            return GreenToken.Create(spec.Kind, string.Empty, null, leading, trailing, GreenFlags.IsMissing);
        }
        var raw = _strings.Get(_text, start, end - start);
        var value = spec.Value ?? (end - start == spec.End - spec.Start ? null : _line.Text.Substring(spec.Start, spec.End - spec.Start));
        return GreenToken.Create(spec.Kind, raw, value, leading, trailing);
    }

    /// <summary>Splits a physical range between tokens into trivia pieces using the dropped pieces recorded for the line.</summary>
    private void Classify(int start, int end, List<GreenTrivia> result)
    {
        if (end <= start) return;
        var position = start;
        var pieces = _line.Dropped;
        SkipPiecesBefore(position);
        for (; _pieceIndex < pieces.Count; _pieceIndex++)
        {
            var piece = pieces[_pieceIndex];
            if (piece.End <= position) continue;
            if (piece.Start >= end) break;
            if (piece.Start > position) AddGap(result, position, piece.Start);
            var pieceStart = Math.Max(piece.Start, position);
            var pieceEnd = Math.Min(piece.End, end);
            result.Add(TriviaFactory.Create(piece.Kind, _strings.Get(_text, pieceStart, pieceEnd - pieceStart)));
            position = pieceEnd;
        }
        if (position < end) AddGap(result, position, end);
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
        result.Add(TriviaFactory.Create(allSpace ? SyntaxKind.WhitespaceTrivia : SyntaxKind.SkippedTextTrivia, _strings.Get(_text, start, end - start)));
    }
}

/// <summary>Creates trivia, sharing the instances for the most common texts (a space, a line feed, indentation).</summary>
internal static class TriviaFactory
{
    private static readonly GreenTrivia s_space = new(SyntaxKind.WhitespaceTrivia, " ");
    private static readonly GreenTrivia s_lf = new(SyntaxKind.EndOfLineTrivia, "\n");
    private static readonly GreenTrivia s_crlf = new(SyntaxKind.EndOfLineTrivia, "\r\n");
    private static readonly GreenTrivia s_continuation = new(SyntaxKind.LineContinuationTrivia, "\\\n");
    private static readonly GreenTrivia[] s_indents = Enumerable.Range(0, 17).Select(n => new GreenTrivia(SyntaxKind.WhitespaceTrivia, new string(' ', n))).ToArray();

    private static readonly GreenTrivia[] s_none = [];

    /// <summary>The shared empty trivia list.</summary>
    public static GreenTrivia[] None => s_none;
    private static readonly GreenTrivia[] s_spaceOnly = [s_space];
    private static readonly GreenTrivia[] s_lfOnly = [s_lf];
    private static readonly GreenTrivia[] s_crlfOnly = [s_crlf];

    private static readonly GreenTrivia[][] s_indentOnly = s_indents.Select(t => new[] { t }).ToArray();
    private static readonly GreenTrivia[][] s_indentContinuation = s_indents.Select(t => new[] { t, s_continuation }).ToArray();
    private static readonly GreenTrivia[][] s_spaceContinuationIndent = s_indents.Select(t => new[] { s_space, s_continuation, t }).ToArray();

    /// <summary>
    /// An array of the trivia, shared for the most common lists (nothing, a line break, spaces, spaces then a
    /// continuation, a space, a continuation and the next line's indentation): most tokens end in one of these, and sharing them removes an allocation per token.
    /// </summary>
    public static GreenTrivia[] ToArray(List<GreenTrivia> trivia)
    {
        switch (trivia.Count)
        {
            case 0:
                return s_none;
            case 1 when ReferenceEquals(trivia[0], s_space):
                return s_spaceOnly;
            case 1 when ReferenceEquals(trivia[0], s_lf):
                return s_lfOnly;
            case 1 when ReferenceEquals(trivia[0], s_crlf):
                return s_crlfOnly;
            case 1 when IndentIndex(trivia[0]) is var n and >= 0:
                return s_indentOnly[n];
            case 2 when ReferenceEquals(trivia[1], s_continuation) && IndentIndex(trivia[0]) is var n and >= 0:
                return s_indentContinuation[n];
            case 3 when ReferenceEquals(trivia[0], s_space) && ReferenceEquals(trivia[1], s_continuation) && IndentIndex(trivia[2]) is var n and >= 0:
                return s_spaceContinuationIndent[n];
            default:
                return trivia.ToArray();
        }
    }

    /// <summary>The number of spaces of a shared indentation trivia, or -1 when the trivia is not one of them.</summary>
    private static int IndentIndex(GreenTrivia trivia)
    {
        if (trivia.Kind != SyntaxKind.WhitespaceTrivia || trivia.Text.Length >= s_indents.Length) return -1;
        return ReferenceEquals(s_indents[trivia.Text.Length], trivia) || (trivia.Text.Length == 1 && ReferenceEquals(trivia, s_space)) ? trivia.Text.Length : -1;
    }

    /// <summary>The shared one-element list for [start, end) of <paramref name="text"/> when it is 1–16 spaces, else null.</summary>
    public static GreenTrivia[]? SharedSpaces(string text, int start, int end)
    {
        var length = end - start;
        if (length >= s_indents.Length || !IsSpaces(text.AsSpan(start, length))) return null;
        return length == 1 ? s_spaceOnly : s_indentOnly[length];
    }

    /// <summary>The shared one-element list for [start, end) of <paramref name="text"/> when it is "\n" or "\r\n", else null.</summary>
    public static GreenTrivia[]? SharedLineBreak(string text, int start, int end) => (end - start) switch
    {
        1 when text[start] == '\n' => s_lfOnly,
        2 when text[start] == '\r' && text[start + 1] == '\n' => s_crlfOnly,
        _ => null,
    };

    public static GreenTrivia Create(SyntaxKind kind, string text)
    {
        switch (kind)
        {
            case SyntaxKind.WhitespaceTrivia when text.Length < s_indents.Length && IsSpaces(text):
                return text.Length == 1 ? s_space : s_indents[text.Length];
            case SyntaxKind.EndOfLineTrivia when text == "\n":
                return s_lf;
            case SyntaxKind.EndOfLineTrivia when text == "\r\n":
                return s_crlf;
            case SyntaxKind.LineContinuationTrivia when text == "\\\n":
                return s_continuation;
            default:
                return new GreenTrivia(kind, text);
        }
    }

    private static bool IsSpaces(ReadOnlySpan<char> text) => !text.ContainsAnyExcept(' ');
}
