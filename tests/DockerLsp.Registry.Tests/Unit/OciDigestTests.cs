namespace DockerLsp.Registry.Tests;

/// <summary>Digest syntax and verification.</summary>
public sealed class OciDigestTests
{
    [Theory]
    [InlineData("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("sha512:" + "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e")]
    [InlineData("multihash+base58:QmRZxt2b1FVZPNqd8hsiykDL3TdBDeTSPX9Kv46HmX4Gx8")]
    [InlineData("sha256+b64u:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564")]
    public void AcceptsValidDigests(string text) => Assert.True(OciDigest.TryParse(text, out _, out _));

    [Theory]
    [InlineData("")]
    [InlineData("sha256")]
    [InlineData(":abc")]
    [InlineData("sha256:")]
    [InlineData("sha256:E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")]
    [InlineData("sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85")]
    [InlineData("SHA256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("sha-:abc")]
    [InlineData("x:a b")]
    public void RejectsInvalidDigests(string text) => Assert.False(OciDigest.TryParse(text, out _, out _));

    [Fact]
    public void VerifiesContent()
    {
        var digest = OciDigest.Sha256Of("hello"u8);
        Assert.Equal("sha256:2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", digest.ToString());
        Assert.True(digest.Matches("hello"u8));
        Assert.False(digest.Matches("hello!"u8));
    }
}
