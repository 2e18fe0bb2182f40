using System.Text;

namespace DockerLsp.Syntax.Text;

/// <summary>
/// Maps UTF-16 offsets to zero-based line/character positions and back, with line breaks as the LSP defines them
/// (<c>\n</c>, <c>\r\n</c> and a lone <c>\r</c>). Also converts a line's UTF-16 columns to UTF-8 and UTF-32 columns
/// for LSP position-encoding negotiation. Immutable; built once per <see cref="SourceText"/>.
/// Out-of-range inputs are clamped, never thrown on: editors send stale positions.
/// </summary>
public sealed class LineIndex
{
    private readonly string _text;
    private readonly int[] _lineStarts;

    public LineIndex(string text)
    {
        _text = text;
        var starts = new List<int>(Math.Max(4, text.Length / 32)) { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                starts.Add(i + 1);
            }
            else if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                starts.Add(i + 1);
            }
        }
        _lineStarts = starts.ToArray();
    }

    private LineIndex(string text, int[] lineStarts)
    {
        _text = text;
        _lineStarts = lineStarts;
    }

    /// <summary>
    /// The index of <paramref name="newText"/>, derived from <paramref name="old"/> (the index of the text before
    /// <paramref name="change"/>) by rescanning only the changed region: line starts before it are kept, those after it are
    /// shifted, so a keystroke costs an array copy instead of a scan of the whole text. A position <c>s</c> is a line start
    /// when the character before it is <c>\n</c>, or a <c>\r</c> not followed by <c>\n</c> at <c>s</c>; that reads two
    /// characters, hence the rescan reaches one character past the change on the right.
    /// </summary>
    internal static LineIndex Derive(LineIndex old, TextChangeRange change, string newText)
    {
        var start = change.Span.Start;
        var oldEnd = change.Span.End;
        var newEnd = Math.Min(start + change.NewLength + 1, newText.Length);
        var keep = LowerBound(old._lineStarts, start);
        var tail = LowerBound(old._lineStarts, oldEnd + 2);
        var result = new List<int>(keep + (old._lineStarts.Length - tail) + 8);
        for (var i = 0; i < keep; i++) result.Add(old._lineStarts[i]);
        if (keep == 0) result.Add(0);
        for (var position = Math.Max(start, 1); position <= newEnd; position++)
        {
            var previous = newText[position - 1];
            if (previous == '\n' || (previous == '\r' && (position == newText.Length || newText[position] != '\n'))) result.Add(position);
        }
        var delta = change.Delta;
        for (var i = tail; i < old._lineStarts.Length; i++) result.Add(old._lineStarts[i] + delta);
        return new LineIndex(newText, result.ToArray());
    }

    /// <summary>The index of the first element not less than <paramref name="value"/>.</summary>
    private static int LowerBound(int[] values, int value)
    {
        int lo = 0, hi = values.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (values[mid] < value) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    public int LineCount => _lineStarts.Length;

    public int GetLineStart(int line) => _lineStarts[Math.Clamp(line, 0, _lineStarts.Length - 1)];

    /// <summary>Offset just past the line's content, before its line break.</summary>
    public int GetLineEnd(int line)
    {
        line = Math.Clamp(line, 0, _lineStarts.Length - 1);
        var end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : _text.Length;
        while (end > _lineStarts[line] && (_text[end - 1] == '\n' || _text[end - 1] == '\r')) end--;
        // A line ends at its first break character; "a\r\n" has content "a".
        return end;
    }

    /// <summary>Offset past the line's break (the start of the next line, or the text end).</summary>
    public int GetLineEndIncludingBreak(int line)
    {
        line = Math.Clamp(line, 0, _lineStarts.Length - 1);
        return line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : _text.Length;
    }

    public int GetLineFromOffset(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var index = Array.BinarySearch(_lineStarts, offset);
        return index >= 0 ? index : ~index - 1;
    }

    public LinePosition GetLinePosition(int offset)
    {
        offset = Math.Clamp(offset, 0, _text.Length);
        var line = GetLineFromOffset(offset);
        return new LinePosition(line, offset - _lineStarts[line]);
    }

    public LinePositionSpan GetLinePositionSpan(TextSpan span) => new(GetLinePosition(span.Start), GetLinePosition(span.End));

    /// <summary>Offset of a position; a line past the end clamps to the text end, a character past the line clamps to the line end.</summary>
    public int GetOffset(LinePosition position)
    {
        if (position.Line < 0) return 0;
        if (position.Line >= _lineStarts.Length) return _text.Length;
        var start = _lineStarts[position.Line];
        var end = GetLineEnd(position.Line);
        var offset = start + Math.Max(0, position.Character);
        if (offset > end) offset = end;
        // Never split a surrogate pair.
        if (offset > start && offset < end && char.IsLowSurrogate(_text[offset]) && char.IsHighSurrogate(_text[offset - 1])) offset--;
        return offset;
    }

    public TextSpan GetSpan(LinePositionSpan span)
    {
        var start = GetOffset(span.Start);
        var end = GetOffset(span.End);
        return end < start ? new TextSpan(start, 0) : TextSpan.FromBounds(start, end);
    }

    /// <summary>Converts a UTF-16 column on <paramref name="line"/> to a UTF-8 byte column.</summary>
    public int ToUtf8Column(int line, int utf16Character)
    {
        var start = GetLineStart(line);
        var end = GetLineEnd(line);
        var stop = Math.Min(end, start + Math.Max(0, utf16Character));
        return Encoding.UTF8.GetByteCount(_text.AsSpan(start, stop - start));
    }

    /// <summary>Converts a UTF-8 byte column on <paramref name="line"/> to a UTF-16 column (clamped to the line; a column inside a character snaps to its start).</summary>
    public int FromUtf8Column(int line, int utf8Character)
    {
        var start = GetLineStart(line);
        var end = GetLineEnd(line);
        var bytes = 0;
        var i = start;
        while (i < end)
        {
            var width = char.IsHighSurrogate(_text[i]) && i + 1 < end && char.IsLowSurrogate(_text[i + 1]) ? 2 : 1;
            var byteWidth = width == 2 ? 4 : _text[i] < 0x80 ? 1 : _text[i] < 0x800 ? 2 : 3;
            if (bytes + byteWidth > utf8Character) break;
            bytes += byteWidth;
            i += width;
        }
        return i - start;
    }

    /// <summary>Converts a UTF-16 column to a UTF-32 (code point) column.</summary>
    public int ToUtf32Column(int line, int utf16Character)
    {
        var start = GetLineStart(line);
        var stop = Math.Min(GetLineEnd(line), start + Math.Max(0, utf16Character));
        var count = 0;
        for (var i = start; i < stop; i++)
        {
            if (char.IsHighSurrogate(_text[i]) && i + 1 < stop && char.IsLowSurrogate(_text[i + 1])) i++;
            count++;
        }
        return count;
    }

    /// <summary>Converts a UTF-32 (code point) column to a UTF-16 column, clamped to the line.</summary>
    public int FromUtf32Column(int line, int utf32Character)
    {
        var start = GetLineStart(line);
        var end = GetLineEnd(line);
        var i = start;
        for (var n = 0; n < utf32Character && i < end; n++)
        {
            i += char.IsHighSurrogate(_text[i]) && i + 1 < end && char.IsLowSurrogate(_text[i + 1]) ? 2 : 1;
        }
        return i - start;
    }
}
