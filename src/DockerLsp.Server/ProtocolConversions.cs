using DockerLsp.Server.Protocol;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Server;

/// <summary>The position encoding negotiated with the client (LSP <c>positionEncoding</c>).</summary>
internal enum PositionEncoding
{
    Utf16,
    Utf8,
    Utf32,
}

/// <summary>
/// The only place where LSP positions (line + character in the negotiated encoding) and document offsets (UTF-16 code
/// units, as .NET strings index) are converted into each other. Every conversion clamps: a line past the end maps to the
/// text end, a character past the line end maps to the line end, negative values map to 0 — editors send stale or
/// out-of-range positions and a request must never fail for that.
/// </summary>
internal static class ProtocolConversions
{
    public static string ToWireName(PositionEncoding encoding) => encoding switch
    {
        PositionEncoding.Utf8 => LspConstants.EncodingUtf8,
        PositionEncoding.Utf32 => LspConstants.EncodingUtf32,
        _ => LspConstants.EncodingUtf16,
    };

    /// <summary>The first encoding in the client's preference list that we support; UTF-16 when the client lists none.</summary>
    public static PositionEncoding Negotiate(IReadOnlyList<string>? clientEncodings)
    {
        foreach (var name in clientEncodings ?? [])
        {
            switch (name)
            {
                case LspConstants.EncodingUtf16: return PositionEncoding.Utf16;
                case LspConstants.EncodingUtf8: return PositionEncoding.Utf8;
                case LspConstants.EncodingUtf32: return PositionEncoding.Utf32;
            }
        }
        return PositionEncoding.Utf16;
    }

    public static int ToOffset(SourceText text, Position position, PositionEncoding encoding)
    {
        var lines = text.Lines;
        if (position.Line < 0) return 0;
        if (position.Line >= lines.LineCount) return text.Length;
        var character = Math.Max(0, position.Character);
        var utf16 = encoding switch
        {
            PositionEncoding.Utf8 => lines.FromUtf8Column(position.Line, character),
            PositionEncoding.Utf32 => lines.FromUtf32Column(position.Line, character),
            _ => character,
        };
        return lines.GetOffset(new LinePosition(position.Line, utf16));
    }

    public static TextSpan ToSpan(SourceText text, LspRange range, PositionEncoding encoding)
    {
        var start = ToOffset(text, range.Start, encoding);
        var end = ToOffset(text, range.End, encoding);
        return end < start ? new TextSpan(start, 0) : TextSpan.FromBounds(start, end);
    }

    public static Position ToPosition(SourceText text, int offset, PositionEncoding encoding)
    {
        var position = text.Lines.GetLinePosition(Math.Clamp(offset, 0, text.Length));
        var character = encoding switch
        {
            PositionEncoding.Utf8 => text.Lines.ToUtf8Column(position.Line, position.Character),
            PositionEncoding.Utf32 => text.Lines.ToUtf32Column(position.Line, position.Character),
            _ => position.Character,
        };
        return new Position(position.Line, character);
    }

    public static LspRange ToRange(SourceText text, TextSpan span, PositionEncoding encoding) =>
        new(ToPosition(text, span.Start, encoding), ToPosition(text, span.End, encoding));
}
