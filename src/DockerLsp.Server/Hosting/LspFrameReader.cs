using System.Buffers;
using System.Text;

namespace DockerLsp.Server.Hosting;

/// <summary>
/// Parses LSP base-protocol frames (<c>Content-Length: N\r\n[other headers]\r\n\r\n</c> + N bytes) out of a byte buffer,
/// resynchronising on garbage instead of failing: a header block without a valid Content-Length is skipped up to the next
/// <c>Content-Length:</c>. Pure and allocation-light; the caller owns the buffer and advances it by what was consumed.
/// </summary>
internal static class LspFrameReader
{
    private static readonly byte[] s_headerEnd = "\r\n\r\n"u8.ToArray();
    private static readonly byte[] s_contentLength = "content-length:"u8.ToArray();

    /// <summary>Largest header block accepted before the input is treated as garbage.</summary>
    private const int MaxHeaderBytes = 8 * 1024;

    /// <summary>Largest body accepted (a 5 MB document JSON-escaped fits comfortably).</summary>
    public const int MaxBodyBytes = 256 * 1024 * 1024;

    /// <summary>
    /// Tries to take one frame from <paramref name="buffer"/>. Returns <see cref="FrameStatus.Frame"/> with the body and the
    /// position after it; <see cref="FrameStatus.NeedMoreData"/> when the frame is incomplete; <see cref="FrameStatus.Skipped"/>
    /// when bytes were discarded (<paramref name="consumed"/> says up to where) and an explanation in <paramref name="error"/>.
    /// </summary>
    public static FrameStatus TryRead(ReadOnlySequence<byte> buffer, out ReadOnlySequence<byte> body, out SequencePosition consumed, out string? error)
    {
        body = default;
        error = null;
        consumed = buffer.Start;
        var reader = new SequenceReader<byte>(buffer);
        if (!reader.TryReadTo(out ReadOnlySequence<byte> headers, s_headerEnd, advancePastDelimiter: true))
        {
            if (buffer.Length <= MaxHeaderBytes) return FrameStatus.NeedMoreData;
            return SkipToNextHeader(buffer, 1, out consumed, out error, "a header block longer than 8 KiB");
        }
        if (!TryParseContentLength(headers, out var length))
        {
            return SkipToNextHeader(buffer, 1, out consumed, out error, "a header block without a valid Content-Length");
        }
        if (reader.Remaining < length) return FrameStatus.NeedMoreData;
        body = buffer.Slice(reader.Position, length);
        consumed = buffer.GetPosition(length, reader.Position);
        return FrameStatus.Frame;
    }

    /// <summary>Where a new frame starts inside <paramref name="bytes"/> (used to recover from a Content-Length that was too large), or -1.</summary>
    public static long IndexOfHeader(ReadOnlySequence<byte> bytes, long from = 0)
    {
        var text = Encoding.ASCII.GetString(bytes.Length > from ? bytes.Slice(from).ToArray() : []);
        var index = text.IndexOf("Content-Length:", StringComparison.OrdinalIgnoreCase);
        return index < 0 ? -1 : from + index;
    }

    private static FrameStatus SkipToNextHeader(ReadOnlySequence<byte> buffer, long from, out SequencePosition consumed, out string? error, string what)
    {
        var next = IndexOfHeader(buffer, from);
        // Keep a tail that could be the beginning of a header split across reads.
        var skip = next >= 0 ? next : Math.Max(from, buffer.Length - s_contentLength.Length);
        consumed = buffer.GetPosition(skip);
        error = $"Discarded {skip} bytes of input: {what}.";
        return FrameStatus.Skipped;
    }

    private static bool TryParseContentLength(ReadOnlySequence<byte> headers, out int length)
    {
        length = -1;
        var text = Encoding.ASCII.GetString(headers.ToArray());
        foreach (var line in text.Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            if (colon < 0) continue;
            if (!line[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)) continue;
            if (int.TryParse(line[(colon + 1)..].Trim(), out var value) && value >= 0 && value <= MaxBodyBytes)
            {
                length = value;
            }
        }
        return length >= 0;
    }
}

/// <summary>The outcome of <see cref="LspFrameReader.TryRead"/>.</summary>
internal enum FrameStatus
{
    Frame,
    NeedMoreData,
    Skipped,
}
