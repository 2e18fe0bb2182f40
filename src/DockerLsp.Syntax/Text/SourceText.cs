using System.Text;

namespace DockerLsp.Syntax.Text;

/// <summary>
/// An immutable document text. <see cref="WithChanges(TextChange[])"/> produces a new text and remembers, for the
/// incremental parser, which old text it came from and the collapsed changed range. Decoding problems found when the
/// text was made from bytes (invalid UTF-8) are kept so that the parser can report them instead of failing.
/// </summary>
public sealed class SourceText
{
    private readonly string _text;
    private LineIndex? _lines;

    private SourceText(string text, SourceText? previous, TextChangeRange? changeFromPrevious, IReadOnlyList<int> invalidUtf8Offsets)
    {
        _text = text;
        Previous = previous is null ? null : new WeakReference<SourceText>(previous);
        ChangeFromPrevious = changeFromPrevious;
        InvalidUtf8Offsets = invalidUtf8Offsets;
    }

    public static SourceText From(string text) => new(text ?? string.Empty, null, null, Array.Empty<int>());

    /// <summary>
    /// Decodes UTF-8 bytes. A byte-order mark is kept as the first character (U+FEFF) so that the tree can hold it as trivia.
    /// Invalid sequences become U+FFFD and their character offsets are recorded in <see cref="InvalidUtf8Offsets"/>.
    /// </summary>
    public static SourceText FromUtf8(ReadOnlySpan<byte> bytes)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            return From(strict.GetString(bytes));
        }
        catch (DecoderFallbackException)
        {
            return DecodeLeniently(bytes);
        }
    }

    private static SourceText DecodeLeniently(ReadOnlySpan<byte> bytes)
    {
        var builder = new StringBuilder(bytes.Length);
        var invalid = new List<int>();
        while (!bytes.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out var rune, out var consumed);
            if (status != System.Buffers.OperationStatus.Done)
            {
                invalid.Add(builder.Length);
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(rune.ToString());
            }
            bytes = bytes[Math.Max(1, consumed)..];
        }
        return new SourceText(builder.ToString(), null, null, invalid);
    }

    public int Length => _text.Length;
    public char this[int index] => _text[index];
    public LineIndex Lines => _lines ??= CreateLineIndex();

    /// <summary>Derived from the previous text's index when it is still alive and built (a keystroke), otherwise scanned.</summary>
    private LineIndex CreateLineIndex()
    {
        if (ChangeFromPrevious is { } change && Previous is not null && Previous.TryGetTarget(out var previous) && previous._lines is { } previousLines)
        {
            return LineIndex.Derive(previousLines, change, _text);
        }
        return new LineIndex(_text);
    }

    /// <summary>Character offsets where invalid UTF-8 was replaced by U+FFFD when decoding.</summary>
    public IReadOnlyList<int> InvalidUtf8Offsets { get; }

    /// <summary>The text this one was derived from by <see cref="WithChanges(TextChange[])"/>, if still alive.</summary>
    public WeakReference<SourceText>? Previous { get; }

    /// <summary>The collapsed range of the changes from <see cref="Previous"/> to this text.</summary>
    public TextChangeRange? ChangeFromPrevious { get; }

    public ReadOnlySpan<char> AsSpan() => _text.AsSpan();
    public ReadOnlySpan<char> AsSpan(TextSpan span) => _text.AsSpan(span.Start, span.Length);
    public string ToString(TextSpan span) => _text.Substring(span.Start, span.Length);
    public override string ToString() => _text;

    /// <summary>
    /// Applies changes given in this text's coordinates. Changes may come in any order but must not overlap;
    /// spans are clamped to the text so that a stale editor request cannot make this throw.
    /// </summary>
    public SourceText WithChanges(params TextChange[] changes)
    {
        if (changes.Length == 0) return this;
        var ordered = changes
            .Select(c => Clamp(c))
            .OrderBy(c => c.Span.Start)
            .ThenBy(c => c.Span.Length)
            .ToArray();
        // First the effective (non-overlapping) changes and the new length, then one copy into the new string: a keystroke in
        // a large file copies the text once instead of twice (StringBuilder, then ToString).
        var effective = new (int Start, int End, string NewText)[ordered.Length];
        var position = 0;
        var changedStart = int.MaxValue;
        var changedOldEnd = 0;
        var delta = 0;
        for (var i = 0; i < ordered.Length; i++)
        {
            var change = ordered[i];
            var start = Math.Max(change.Span.Start, position);
            var end = Math.Max(change.Span.End, start);
            effective[i] = (start, end, change.NewText);
            position = end;
            changedStart = Math.Min(changedStart, start);
            changedOldEnd = Math.Max(changedOldEnd, end);
            delta += change.NewText.Length - (end - start);
        }
        var newText = string.Create(_text.Length + delta, (Old: _text, Changes: effective), static (destination, state) =>
        {
            var source = 0;
            var target = 0;
            foreach (var (start, end, inserted) in state.Changes)
            {
                state.Old.AsSpan(source, start - source).CopyTo(destination[target..]);
                target += start - source;
                inserted.AsSpan().CopyTo(destination[target..]);
                target += inserted.Length;
                source = end;
            }
            state.Old.AsSpan(source).CopyTo(destination[target..]);
        });
        var oldSpan = TextSpan.FromBounds(changedStart, changedOldEnd);
        var range = new TextChangeRange(oldSpan, oldSpan.Length + delta);
        return new SourceText(newText, this, range, Array.Empty<int>());
    }

    private TextChange Clamp(TextChange change)
    {
        var start = Math.Clamp(change.Span.Start, 0, _text.Length);
        var end = Math.Clamp(change.Span.End, start, _text.Length);
        return new TextChange(TextSpan.FromBounds(start, end), change.NewText ?? string.Empty);
    }

    /// <summary>
    /// The changed range between <paramref name="oldText"/> and this text: taken from the recorded change when this text
    /// was derived from it, otherwise computed from the common prefix and suffix.
    /// </summary>
    public TextChangeRange GetChangeRangeFrom(SourceText oldText)
    {
        if (ReferenceEquals(oldText, this)) return new TextChangeRange(new TextSpan(0, 0), 0);
        if (ChangeFromPrevious is { } recorded && Previous is { } weak && weak.TryGetTarget(out var previous) && ReferenceEquals(previous, oldText))
        {
            return recorded;
        }
        var oldSpan = oldText.AsSpan();
        var newSpan = AsSpan();
        var prefix = oldSpan.CommonPrefixLength(newSpan);
        var maxSuffix = Math.Min(oldSpan.Length, newSpan.Length) - prefix;
        var suffix = 0;
        while (suffix < maxSuffix && oldSpan[oldSpan.Length - 1 - suffix] == newSpan[newSpan.Length - 1 - suffix]) suffix++;
        return new TextChangeRange(TextSpan.FromBounds(prefix, oldSpan.Length - suffix), newSpan.Length - suffix - prefix);
    }
}
