namespace DockerLsp.Registry.Tests;

/// <summary>Finding the next page in a Link header.</summary>
public sealed class LinkHeaderTests
{
    [Theory]
    [InlineData("</v2/x/tags/list?n=2&last=b>; rel=\"next\"", "/v2/x/tags/list?n=2&last=b")]
    [InlineData("<https://r/v2/x/tags/list?last=b>; rel=next", "https://r/v2/x/tags/list?last=b")]
    [InlineData("</prev>; rel=\"prev\", </next>; title=\"a, b\"; rel=\"last next\"", "/next")]
    [InlineData("</prev>; rel=\"prev\"", null)]
    [InlineData("", null)]
    [InlineData("<unterminated; rel=next", null)]
    public void FindsNext(string header, string? expected) => Assert.Equal(expected, LinkHeader.FindNext(header));
}
