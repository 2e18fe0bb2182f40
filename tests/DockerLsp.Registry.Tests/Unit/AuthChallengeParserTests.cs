namespace DockerLsp.Registry.Tests;

/// <summary>WWW-Authenticate parsing: the Docker Hub form, several parameters and challenges, escapes, malformed input.</summary>
public sealed class AuthChallengeParserTests
{
    [Fact]
    public void ParsesDockerHubChallenge()
    {
        var challenge = Single("Bearer realm=\"https://auth.docker.io/token\",service=\"registry.docker.io\",scope=\"repository:library/debian:pull\"");
        Assert.True(challenge.IsBearer);
        Assert.Equal("https://auth.docker.io/token", challenge["realm"]);
        Assert.Equal("registry.docker.io", challenge["service"]);
        Assert.Equal("repository:library/debian:pull", challenge["scope"]);
    }

    [Fact]
    public void ParameterNamesAreCaseInsensitiveAndWhitespaceIsAllowedAroundEquals()
    {
        var challenge = Single("bearer Realm = \"https://a/token\" , SERVICE=reg.example ,error=\"invalid_token\"");
        Assert.True(challenge.IsBearer);
        Assert.Equal("https://a/token", challenge["realm"]);
        Assert.Equal("reg.example", challenge["service"]);
        Assert.Equal("invalid_token", challenge["error"]);
    }

    [Fact]
    public void UnescapesQuotedPairs()
    {
        var challenge = Single("Bearer realm=\"https://a/t\",scope=\"repository:x:pull\",error_description=\"say \\\"hi\\\" \\\\ bye, ok\"");
        Assert.Equal("say \"hi\" \\ bye, ok", challenge["error_description"]);
        Assert.Equal("repository:x:pull", challenge["scope"]);
    }

    [Fact]
    public void ParsesSeveralChallengesInOneHeader()
    {
        Assert.True(AuthChallengeParser.TryParse("Basic realm=\"registry\", Bearer realm=\"https://a/token\",service=\"s\"", out var challenges, out var error), error);
        Assert.Collection(
            challenges,
            basic =>
            {
                Assert.True(basic.IsBasic);
                Assert.Equal("registry", basic["realm"]);
            },
            bearer =>
            {
                Assert.True(bearer.IsBearer);
                Assert.Equal("https://a/token", bearer["realm"]);
                Assert.Equal("s", bearer["service"]);
            });
    }

    [Fact]
    public void ParsesSeveralHeaderLinesAndBareSchemes()
    {
        Assert.True(AuthChallengeParser.TryParse(["Negotiate", "Basic realm=\"r\""], out var challenges, out var error), error);
        Assert.Equal(["Negotiate", "Basic"], challenges.Select(c => c.Scheme));
    }

    [Fact]
    public void ParsesToken68()
    {
        var challenge = Single("Newauth YWxhZGRpbjpvcGVuc2VzYW1l==");
        Assert.Equal("YWxhZGRpbjpvcGVuc2VzYW1l==", challenge.Token68);
        Assert.Empty(challenge.Parameters);
    }

    [Theory]
    [InlineData("Bearer realm=\"https://a/token", "not terminated")]
    [InlineData("Bearer realm=\"https://a\" service=\"s\"", "expected ','")]
    [InlineData("Bearer realm=\"a\",realm=\"b\"", "twice")]
    [InlineData("=realm", "expected an authentication scheme")]
    [InlineData("Bearer \"realm\"", "expected 'name=value'")]
    [InlineData("Bearer realm=\"a\r\nb\"", "control character")]
    [InlineData("", "empty")]
    [InlineData("  ,  ", "empty")]
    public void RejectsMalformedChallengesWithAMessage(string header, string expectedFragment)
    {
        Assert.False(AuthChallengeParser.TryParse(header, out _, out var error));
        Assert.Contains(expectedFragment, error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void MissingHeaderIsAnError()
    {
        Assert.False(AuthChallengeParser.TryParse(Array.Empty<string>(), out _, out var error));
        Assert.Contains("missing", error, StringComparison.Ordinal);
    }

    private static AuthChallenge Single(string header)
    {
        Assert.True(AuthChallengeParser.TryParse(header, out var challenges, out var error), error);
        return Assert.Single(challenges);
    }
}
