using DockerLsp.Server.Protocol;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Server.Tests.Protocol;

/// <summary>Offsets ↔ LSP positions in the three encodings, with characters of 1, 2, 3 and 4 UTF-8 bytes, and clamping.</summary>
public sealed class ProtocolConversionsTests
{
    // "é" is 2 UTF-8 bytes / 1 UTF-16 unit; "€" 3 / 1; "😀" 4 / 2 (a surrogate pair) / 1 code point.
    private static readonly SourceText s_text = SourceText.From("FROM a\nLABEL x=\"é€😀\" y=1\n");
    private static readonly int s_y = s_text.ToString().IndexOf('y', StringComparison.Ordinal);

    [Theory]
    [InlineData("utf-16", 15)]
    [InlineData("utf-8", 20)]
    [InlineData("utf-32", 14)]
    public void ColumnsAreCountedInTheNegotiatedEncoding(string name, int column)
    {
        var encoding = ProtocolConversions.Negotiate([name]);
        var position = ProtocolConversions.ToPosition(s_text, s_y, encoding);
        Assert.Equal(new Position(1, column), position);
        Assert.Equal(s_y, ProtocolConversions.ToOffset(s_text, position, encoding));
    }

    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-8")]
    [InlineData("utf-32")]
    public void EveryOffsetRoundTrips(string name)
    {
        var encoding = ProtocolConversions.Negotiate([name]);
        for (var offset = 0; offset <= s_text.Length; offset++)
        {
            if (offset > 0 && offset < s_text.Length && char.IsLowSurrogate(s_text[offset])) continue;
            Assert.Equal(offset, ProtocolConversions.ToOffset(s_text, ProtocolConversions.ToPosition(s_text, offset, encoding), encoding));
        }
    }

    [Fact]
    public void OutOfRangePositionsClamp()
    {
        Assert.Equal(0, ProtocolConversions.ToOffset(s_text, new Position(-3, -3), PositionEncoding.Utf8));
        Assert.Equal(s_text.Length, ProtocolConversions.ToOffset(s_text, new Position(99, 0), PositionEncoding.Utf16));
        Assert.Equal(6, ProtocolConversions.ToOffset(s_text, new Position(0, 500), PositionEncoding.Utf32));
        var reversed = ProtocolConversions.ToSpan(s_text, new LspRange(new Position(1, 5), new Position(0, 1)), PositionEncoding.Utf16);
        Assert.True(reversed.IsEmpty);
    }

    [Fact]
    public void NegotiationTakesTheClientsFirstSupportedEncoding()
    {
        Assert.Equal(PositionEncoding.Utf8, ProtocolConversions.Negotiate(["utf-8", "utf-16"]));
        Assert.Equal(PositionEncoding.Utf32, ProtocolConversions.Negotiate(["latin-1", "utf-32"]));
        Assert.Equal(PositionEncoding.Utf16, ProtocolConversions.Negotiate(null));
        Assert.Equal(PositionEncoding.Utf16, ProtocolConversions.Negotiate(["latin-1"]));
    }
}
