namespace DockerLsp.Syntax.Text;

/// <summary>
/// A half-open range [Start, End) of UTF-16 code units in a <see cref="SourceText"/>.
/// Invariant: 0 &lt;= Start and 0 &lt;= Length. Spans are plain values and never refer to a particular text.
/// </summary>
public readonly record struct TextSpan
{
    public TextSpan(int start, int length)
    {
        if (start < 0) throw new ArgumentOutOfRangeException(nameof(start));
        if (length < 0) throw new ArgumentOutOfRangeException(nameof(length));
        Start = start;
        Length = length;
    }

    public int Start { get; }
    public int Length { get; }
    public int End => Start + Length;
    public bool IsEmpty => Length == 0;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    /// <summary>True when <paramref name="position"/> lies in [Start, End).</summary>
    public bool Contains(int position) => position >= Start && position < End;

    public bool Contains(TextSpan span) => span.Start >= Start && span.End <= End;

    /// <summary>True when the spans share a position or touch (Roslyn's IntersectsWith semantics).</summary>
    public bool IntersectsWith(TextSpan span) => span.Start <= End && span.End >= Start;

    public bool OverlapsWith(TextSpan span) => Math.Max(Start, span.Start) < Math.Min(End, span.End);

    public override string ToString() => $"[{Start}..{End})";
}
