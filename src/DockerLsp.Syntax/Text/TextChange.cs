namespace DockerLsp.Syntax.Text;

/// <summary>
/// Replaces the text in <see cref="Span"/> of an old text with <see cref="NewText"/>. The span is in old-text coordinates.
/// </summary>
public readonly record struct TextChange(TextSpan Span, string NewText)
{
    public static TextChange Insert(int position, string text) => new(new TextSpan(position, 0), text);
    public static TextChange Delete(TextSpan span) => new(span, string.Empty);
    public override string ToString() => $"{Span} -> \"{NewText}\"";
}

/// <summary>
/// The collapsed extent of a set of changes: <see cref="Span"/> of the old text became <see cref="NewLength"/> characters.
/// Everything before Span.Start and after Span.End is unchanged (shifted by the length delta).
/// </summary>
public readonly record struct TextChangeRange(TextSpan Span, int NewLength)
{
    public int Delta => NewLength - Span.Length;
}
