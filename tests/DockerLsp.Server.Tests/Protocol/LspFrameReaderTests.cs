using System.Buffers;
using System.Text;
using DockerLsp.Server.Hosting;

namespace DockerLsp.Server.Tests.Protocol;

/// <summary>Base-protocol framing: complete and partial frames, extra headers, garbage and recovery.</summary>
public sealed class LspFrameReaderTests
{
    private static ReadOnlySequence<byte> Bytes(string text) => new(Encoding.UTF8.GetBytes(text));

    [Fact]
    public void ReadsAFrameWithExtraHeaders()
    {
        var buffer = Bytes("Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 2\r\n\r\n{}rest");
        Assert.Equal(FrameStatus.Frame, LspFrameReader.TryRead(buffer, out var body, out var consumed, out _));
        Assert.Equal("{}", Encoding.UTF8.GetString(body.ToArray()));
        Assert.Equal("rest", Encoding.UTF8.GetString(buffer.Slice(consumed).ToArray()));
    }

    [Theory]
    [InlineData("Content-Length: 10\r\n\r\n{\"a\":")]
    [InlineData("Content-Length: 10\r\n")]
    [InlineData("")]
    public void IncompleteFramesNeedMoreData(string text) =>
        Assert.Equal(FrameStatus.NeedMoreData, LspFrameReader.TryRead(Bytes(text), out _, out _, out _));

    [Fact]
    public void HeadersWithoutContentLengthAreSkippedToTheNextHeader()
    {
        var buffer = Bytes("Bogus: 1\r\n\r\nContent-Length: 2\r\n\r\n{}");
        Assert.Equal(FrameStatus.Skipped, LspFrameReader.TryRead(buffer, out _, out var consumed, out var error));
        Assert.NotNull(error);
        Assert.Equal(FrameStatus.Frame, LspFrameReader.TryRead(buffer.Slice(consumed), out var body, out _, out _));
        Assert.Equal("{}", Encoding.UTF8.GetString(body.ToArray()));
    }

    [Fact]
    public void ANegativeOrHugeLengthIsNotAValidHeader()
    {
        Assert.Equal(FrameStatus.Skipped, LspFrameReader.TryRead(Bytes("Content-Length: -5\r\n\r\n{}"), out _, out _, out _));
        Assert.Equal(FrameStatus.Skipped, LspFrameReader.TryRead(Bytes("Content-Length: 99999999999\r\n\r\n{}"), out _, out _, out _));
    }

    [Fact]
    public void FindsAHeaderInsideABody() =>
        Assert.Equal(5, LspFrameReader.IndexOfHeader(Bytes("{\"a\":Content-Length: 3"), 1));
}
