namespace DockerLsp.Syntax.Text;

/// <summary>A zero-based line and zero-based UTF-16 character offset within that line.</summary>
public readonly record struct LinePosition(int Line, int Character) : IComparable<LinePosition>
{
    public int CompareTo(LinePosition other) => Line != other.Line ? Line.CompareTo(other.Line) : Character.CompareTo(other.Character);
    public static bool operator <(LinePosition a, LinePosition b) => a.CompareTo(b) < 0;
    public static bool operator >(LinePosition a, LinePosition b) => a.CompareTo(b) > 0;
    public static bool operator <=(LinePosition a, LinePosition b) => a.CompareTo(b) <= 0;
    public static bool operator >=(LinePosition a, LinePosition b) => a.CompareTo(b) >= 0;
    public override string ToString() => $"{Line}:{Character}";
}

/// <summary>A range between two <see cref="LinePosition"/>s; Start &lt;= End.</summary>
public readonly record struct LinePositionSpan(LinePosition Start, LinePosition End)
{
    public override string ToString() => $"({Start})-({End})";
}
