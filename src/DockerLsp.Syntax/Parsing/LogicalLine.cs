using DockerLsp.Syntax.Green;

namespace DockerLsp.Syntax.Parsing;

/// <summary>
/// One instruction's logical line, as BuildKit builds it: the first physical line without its indentation, continued
/// lines appended without separator after removing the escape character, comment and empty lines inside the
/// continuation dropped. Keeps the map from logical offsets back to physical offsets and the physical pieces that were
/// dropped (continuations, skipped lines, the final line break) so the tree can keep them as trivia.
/// The logical text is <see cref="Text"/>[<see cref="TextStart"/>..<see cref="TextEnd"/>): for an instruction on one
/// physical line (most of them) that is the physical text itself, so logical offsets are physical offsets and no copy is
/// made; only a line joined from several segments is built into a new string (logical offsets then start at 0).
/// </summary>
internal sealed class LogicalLine
{
    private readonly List<Segment> _segments = new(1);

    /// <summary>A run of logical text copied verbatim from the physical text.</summary>
    internal readonly record struct Segment(int LogicalStart, int PhysicalStart, int Length);

    /// <summary>A physical range that is not part of the logical text, and the trivia kind it becomes.</summary>
    internal readonly record struct DroppedPiece(int Start, int End, SyntaxKind Kind);

    public void Retarget(string physicalText)
    {
        Reset();
        Physical = physicalText;
    }

    /// <summary>Empties the line so the reader can reuse it for the next instruction.</summary>
    public void Reset()
    {
        _segments.Clear();
        Dropped.Clear();
        _nonEmptySegments = 0;
        _logicalLength = 0;
        _hint = 0;
        Text = string.Empty;
        TextStart = 0;
        TextEnd = 0;
        IsIdentity = false;
        PhysicalEnd = 0;
    }

    public string Physical { get; private set; } = string.Empty;
    /// <summary>The string holding the logical text (after <see cref="Complete"/>): the physical text or a joined copy.</summary>
    public string Text { get; private set; } = string.Empty;

    /// <summary>Offset in <see cref="Text"/> where the logical line starts (the logical offset of its first character).</summary>
    public int TextStart { get; private set; }

    /// <summary>Offset in <see cref="Text"/> just after the logical line.</summary>
    public int TextEnd { get; private set; }
    public List<DroppedPiece> Dropped { get; } = new(2);

    /// <summary>Offset just after the last physical line of the instruction (its line break included).</summary>
    public int PhysicalEnd { get; set; }

    /// <summary>How many segments with text were added: one means the logical text can be used in place.</summary>
    private int _nonEmptySegments;

    public void AddSegment(int physicalStart, int length)
    {
        if (length <= 0)
        {
            _segments.Add(new Segment(LogicalLength, physicalStart, 0));
            return;
        }
        _nonEmptySegments++;
        _segments.Add(new Segment(LogicalLength, physicalStart, length));
        _logicalLength += length;
    }

    private int _logicalLength;
    private int LogicalLength => _logicalLength;

    /// <summary>Finishes building; afterwards <see cref="Text"/> is the whole logical line.</summary>
    public void Complete()
    {
        if (_nonEmptySegments > 1)
        {
            // Joined from several lines: one copy, straight from the physical text.
            Text = string.Create(_logicalLength, (Physical, _segments), static (destination, state) =>
            {
                foreach (var segment in state._segments)
                {
                    state.Physical.AsSpan(segment.PhysicalStart, segment.Length).CopyTo(destination[segment.LogicalStart..]);
                }
            });
            TextStart = 0;
            TextEnd = Text.Length;
            return;
        }
        if (_segments.Count == 0) return;
        // At most one segment with text (an empty one can precede it, e.g. a first line holding only the escape
        // character): use the physical text in place, logical offset x becoming x + shift. Shifting every segment's
        // logical start by the same amount keeps the logical-to-physical map exactly as it was.
        var withText = _segments[0];
        foreach (var segment in _segments)
        {
            if (segment.Length > 0)
            {
                withText = segment;
                break;
            }
        }
        var shift = withText.PhysicalStart - withText.LogicalStart;
        for (var i = 0; i < _segments.Count; i++) _segments[i] = _segments[i] with { LogicalStart = _segments[i].LogicalStart + shift };
        Text = Physical;
        TextStart = shift;
        TextEnd = shift + _logicalLength;
        IsIdentity = _segments.Count == 1;
    }

    /// <summary>
    /// True when logical offsets are physical offsets (one segment, used in place): <see cref="ToPhysicalStart"/> is then
    /// the identity up to <see cref="TextEnd"/>, which callers mapping every token use to skip the segment search.
    /// </summary>
    public bool IsIdentity { get; private set; }

    /// <summary>Physical offset of the character at logical offset <paramref name="logical"/> (or the end, for the length).</summary>
    public int ToPhysicalStart(int logical)
    {
        if (IsIdentity) return Math.Min(logical, TextEnd);
        // Callers map tokens in increasing order, so start from the last segment found: linear overall, not per token.
        var count = _segments.Count;
        if (count == 0) return 0;
        var i = Math.Min(_hint, count - 1);
        if (logical < _segments[i].LogicalStart) i = 0;
        for (; i < count; i++)
        {
            var s = _segments[i];
            if (logical < s.LogicalStart + s.Length)
            {
                _hint = i;
                return s.PhysicalStart + (logical - s.LogicalStart);
            }
        }
        var last = _segments[count - 1];
        return last.PhysicalStart + last.Length;
    }

    private int _hint;

    /// <summary>Physical offset just after the character at logical offset <paramref name="logicalEnd"/> - 1.</summary>
    public int ToPhysicalEnd(int logicalEnd, int logicalStart)
    {
        if (logicalEnd <= logicalStart) return ToPhysicalStart(logicalStart);
        return ToPhysicalStart(logicalEnd - 1) + 1;
    }

}
