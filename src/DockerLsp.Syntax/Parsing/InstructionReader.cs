using DockerLsp.Syntax.Diagnostics;
using DockerLsp.Syntax.Green;
using DockerLsp.Syntax.Shell;

namespace DockerLsp.Syntax.Parsing;

/// <summary>
/// Reads one instruction from a line start: the blank and comment lines before it (leading trivia), its physical lines
/// with BuildKit's continuation rules, then the heredoc bodies its line opens. Depends only on the text and the escape
/// character, which is what makes instruction-granularity reuse in <see cref="IncrementalParser"/> sound.
/// </summary>
internal sealed class InstructionReader
{
    private string _text;
    private char _escape;
    private readonly StringTable _strings = StringTable.ForCurrentThread;
    private readonly GreenBuilder _builder;
    private readonly LogicalLine _line;
    private readonly List<SpecDiagnostic> _logicalDiagnostics = [];
    private readonly List<SyntaxDiagnosticInfo> _lineDiagnostics = [];
    private static readonly List<GreenTrivia> s_noTrivia = [];
    private static readonly List<SyntaxDiagnosticInfo> s_noDiagnostics = [];
    private readonly InstructionParser _parser;
    private readonly SpecPool _pool = new();

    [ThreadStatic]
    private static InstructionReader? t_cached;

    private InstructionReader()
    {
        _text = string.Empty;
        _builder = new GreenBuilder(_strings);
        _line = new LogicalLine();
        _parser = new InstructionParser(_logicalDiagnostics, _pool);
    }

    /// <summary>
    /// The calling thread's reader, pointed at <paramref name="text"/>: its grown buffers are reused by every parse
    /// and every keystroke's reparse on the thread. Dispose the lease to drop the reference to the text.
    /// </summary>
    public static Lease Rent(string text, char escape)
    {
        var reader = t_cached ?? new InstructionReader();
        t_cached = null;
        reader.Retarget(text, escape);
        return new Lease(reader);
    }

    private void Retarget(string text, char escape)
    {
        _text = text;
        _escape = escape;
        _builder.Retarget(text);
        _line.Retarget(text);
        _parser.Retarget(escape);
    }

    /// <summary>Hands the reader back to its thread, forgetting the text so no document is kept alive by the cache.</summary>
    internal readonly struct Lease(InstructionReader reader) : IDisposable
    {
        public InstructionReader Reader => reader;

        public void Dispose()
        {
            reader.Retarget(string.Empty, '\\');
            t_cached = reader;
        }
    }

    /// <summary>Outcome of <see cref="Read"/>: an instruction (or null at end of file) and where reading stopped.</summary>
    internal readonly record struct ReadResult(GreenInternalNode? Instruction, int End, List<GreenTrivia> TrailingTrivia, List<SyntaxDiagnosticInfo> TrailingDiagnostics);

    /// <summary>
    /// Reads from <paramref name="position"/> (a line start). <paramref name="leading"/> holds trivia that precedes it
    /// (a byte-order mark); at end of file the collected trivia and diagnostics are returned for the end-of-file token.
    /// </summary>
    public ReadResult Read(int position, List<GreenTrivia> leading)
    {
        var regionStart = position - Parser.TriviaWidth(leading);
        var lineDiagnostics = _lineDiagnostics;
        lineDiagnostics.Clear();
        while (position < _text.Length)
        {
            var next = PhysicalLines.NextLineStart(_text, position);
            var contentEnd = PhysicalLines.ContentEnd(_text, position, next);
            CheckLength(position, contentEnd, lineDiagnostics);
            var first = PhysicalLines.SkipSpaces(_text, position, contentEnd);
            if (first < contentEnd && _text[first] != '#')
            {
                if (first > position) leading.Add(TriviaFactory.Create(SyntaxKind.WhitespaceTrivia, _strings.Get(_text, position, first - position)));
                var node = ReadInstruction(first, contentEnd, next, leading, regionStart, lineDiagnostics, out var end);
                return new ReadResult(node, end, s_noTrivia, s_noDiagnostics);
            }
            if (first > position) leading.Add(TriviaFactory.Create(SyntaxKind.WhitespaceTrivia, _strings.Get(_text, position, first - position)));
            if (first < contentEnd) leading.Add(new GreenTrivia(SyntaxKind.CommentTrivia, _text[first..contentEnd]));
            if (next > contentEnd) leading.Add(TriviaFactory.Create(SyntaxKind.EndOfLineTrivia, _strings.Get(_text, contentEnd, next - contentEnd)));
            position = next;
        }
        return new ReadResult(null, position, leading, [.. lineDiagnostics]);
    }

    private GreenInternalNode ReadInstruction(int start, int contentEnd, int next, List<GreenTrivia> leading, int regionStart,
        List<SyntaxDiagnosticInfo> diagnostics, out int end)
    {
        var line = _line;
        line.Reset();
        var continued = AddLine(line, start, contentEnd, next);
        var position = next;
        while (continued && position < _text.Length)
        {
            var lineNext = PhysicalLines.NextLineStart(_text, position);
            var lineEnd = PhysicalLines.ContentEnd(_text, position, lineNext);
            CheckLength(position, lineEnd, diagnostics);
            if (PhysicalLines.IsComment(_text, position, lineEnd))
            {
                line.Dropped.Add(new LogicalLine.DroppedPiece(position, lineNext, SyntaxKind.ContinuationCommentLineTrivia));
            }
            else if (PhysicalLines.IsBlank(_text, position, lineEnd))
            {
                line.Dropped.Add(new LogicalLine.DroppedPiece(position, lineNext, SyntaxKind.EmptyContinuationLineTrivia));
                diagnostics.Add(new SyntaxDiagnosticInfo(SyntaxDiagnosticIds.EmptyContinuationLine, DiagnosticSeverity.Warning,
                    "Empty continuation line: BuildKit ignores it, but it will become an error in future versions.", position, lineEnd - position));
            }
            else
            {
                continued = AddLine(line, position, lineEnd, lineNext);
            }
            position = lineNext;
        }
        line.PhysicalEnd = position;
        line.Complete();

        var logicalDiagnostics = _logicalDiagnostics;
        var parser = _parser;
        parser.Reset(line.Text, line.TextEnd);
        _pool.Reset();
        var spec = parser.ParseInstruction(line.TextStart, nested: false);
        var heredocs = ReadHeredocs(line, spec, parser.LastWasJson, logicalDiagnostics, ref position);
        end = position;
        return _builder.Build(line, spec, leading, regionStart, logicalDiagnostics, diagnostics, heredocs, start);
    }

    /// <summary>Adds one physical line's content; returns true when it ends with a line continuation.</summary>
    private bool AddLine(LogicalLine line, int segmentStart, int contentEnd, int next)
    {
        var k = contentEnd;
        while (k > segmentStart && _text[k - 1] is ' ' or '\t') k--;
        if (k > segmentStart && _text[k - 1] == _escape && (k - 1 == segmentStart || _text[k - 2] != _escape))
        {
            line.AddSegment(segmentStart, k - 1 - segmentStart);
            line.Dropped.Add(new LogicalLine.DroppedPiece(k - 1, next, SyntaxKind.LineContinuationTrivia));
            return true;
        }
        line.AddSegment(segmentStart, contentEnd - segmentStart);
        if (next > contentEnd) line.Dropped.Add(new LogicalLine.DroppedPiece(contentEnd, next, SyntaxKind.EndOfLineTrivia));
        return false;
    }

    private void CheckLength(int start, int contentEnd, List<SyntaxDiagnosticInfo> diagnostics)
    {
        if (PhysicalLines.IsTooLong(_text, start, contentEnd))
        {
            diagnostics.Add(new SyntaxDiagnosticInfo(SyntaxDiagnosticIds.LineTooLong, DiagnosticSeverity.Error,
                $"This line is longer than BuildKit's limit of {PhysicalLines.MaxLineBytes} bytes.", start, contentEnd - start));
        }
    }

    private List<GreenNode>? ReadHeredocs(LogicalLine line, NodeSpec spec, bool isJson, List<SpecDiagnostic> diagnostics, ref int position)
    {
        var logical = line.Text.AsSpan(line.TextStart, line.TextEnd - line.TextStart);
        if (isJson || !CanContainHeredoc(spec) || !logical.Contains("<<", StringComparison.Ordinal)) return null;
        var found = HeredocDetector.FindInLine(logical.ToString());
        if (found.Count == 0) return null;
        // Openers come back relative to the logical line; the spec's offsets start at TextStart. (A loop, not a lambda:
        // a lambda capturing the line would allocate its closure on every call of this method.)
        var openers = new List<HeredocOpener>(found.Count);
        foreach (var opener in found) openers.Add(opener with { Start = opener.Start + line.TextStart });
        var result = new List<GreenNode>(openers.Count);
        // The body starts on the line after the instruction; an instruction that ends at end of file has no body lines.
        var lastLineEnded = position > 0 && _text[position - 1] == '\n';
        foreach (var opener in openers)
        {
            var info = new HeredocInfo(opener.Name, opener.Chomp, opener.Expand, opener.FileDescriptor);
            var bodyStart = position;
            var terminated = false;
            var terminatorStart = -1;
            var terminatorEnd = -1;
            var terminatorNext = -1;
            while (lastLineEnded && position < _text.Length)
            {
                var next = PhysicalLines.NextLineStart(_text, position);
                var contentEnd = PhysicalLines.ContentEnd(_text, position, next);
                var candidate = position;
                if (opener.Chomp) while (candidate < contentEnd && _text[candidate] == '\t') candidate++;
                if (contentEnd - candidate == opener.Name.Length && string.CompareOrdinal(_text, candidate, opener.Name, 0, opener.Name.Length) == 0)
                {
                    terminated = true;
                    terminatorStart = position;
                    terminatorEnd = contentEnd;
                    terminatorNext = next;
                    break;
                }
                position = next;
            }
            var body = GreenToken.Create(SyntaxKind.HeredocBodyToken, _text[bodyStart..position], null, null, null);
            GreenToken terminator;
            if (terminated)
            {
                var eol = terminatorNext > terminatorEnd ? new[] { TriviaFactory.Create(SyntaxKind.EndOfLineTrivia, _text[terminatorEnd..terminatorNext]) } : null;
                terminator = GreenToken.Create(SyntaxKind.HeredocTerminatorToken, _text[terminatorStart..terminatorEnd], null, null, eol);
                position = terminatorNext;
            }
            else
            {
                terminator = GreenToken.Missing(SyntaxKind.HeredocTerminatorToken);
                diagnostics.Add(new SpecDiagnostic(SyntaxDiagnosticIds.UnterminatedHeredoc, DiagnosticSeverity.Error,
                    $"Unterminated heredoc: no line '{opener.Name}' ends it.", opener.Start, opener.Start + opener.Length));
            }
            result.Add(new GreenHeredocNode(info, [body, terminator], terminated));
            lastLineEnded = position > 0 && _text[position - 1] == '\n';
        }
        ReportHeredocDestination(spec, openers, diagnostics);
        return result;
    }

    private static bool CanContainHeredoc(NodeSpec spec)
    {
        if (spec.Kind == SyntaxKind.OnBuildInstruction)
        {
            var trigger = spec.Children.OfType<NodeSpec>().FirstOrDefault(n => SyntaxFacts.IsInstruction(n.Kind));
            return trigger is not null && SyntaxFacts.CanContainHeredoc(trigger.Kind);
        }
        return SyntaxFacts.CanContainHeredoc(spec.Kind);
    }

    /// <summary>BuildKit: "COPY cannot accept a heredoc as a destination".</summary>
    private static void ReportHeredocDestination(NodeSpec spec, IReadOnlyList<HeredocOpener> openers, List<SpecDiagnostic> diagnostics)
    {
        var instruction = spec.Kind == SyntaxKind.OnBuildInstruction ? spec.Children.OfType<NodeSpec>().FirstOrDefault(n => SyntaxFacts.IsInstruction(n.Kind)) : spec;
        if (instruction is null || instruction.Kind is not (SyntaxKind.CopyInstruction or SyntaxKind.AddInstruction)) return;
        var arguments = instruction.Children.OfType<NodeSpec>().FirstOrDefault(n => n.Kind == SyntaxKind.ArgumentList);
        if (arguments?.Children.LastOrDefault() is not TokenSpec destination) return;
        foreach (var opener in openers)
        {
            if (opener.Start >= destination.Start && opener.Start < destination.End)
            {
                diagnostics.Add(new SpecDiagnostic(SyntaxDiagnosticIds.HeredocAsDestination, DiagnosticSeverity.Error,
                    "COPY and ADD cannot take a heredoc as the destination.", destination.Start, destination.End));
                return;
            }
        }
    }
}
