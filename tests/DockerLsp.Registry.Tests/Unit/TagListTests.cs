using System.Net;

namespace DockerLsp.Registry.Tests;

/// <summary>Tag-list pagination through Link headers, and its limits.</summary>
public sealed class TagListTests
{
    private static readonly RegistryImageName App = RegistryImageName.Parse("example.test/team/app");

    [Fact]
    public async Task FollowsNextLinksOnTheSameOrigin()
    {
        var handler = new FakeHttpHandler(request => request.RequestUri!.Query switch
        {
            "?n=1000" => Respond.Json(HttpStatusCode.OK, """{"name":"team/app","tags":["a","b"]}""", ("Link", "</v2/team/app/tags/list?n=2&last=b>; rel=\"next\"")),
            "?n=2&last=b" => Respond.Json(HttpStatusCode.OK, """{"name":"team/app","tags":["b","c"]}""", ("Link", "<https://example.test/v2/team/app/tags/list?n=2&last=c>; rel=\"next\"")),
            "?n=2&last=c" => Respond.Json(HttpStatusCode.OK, """{"name":"team/app","tags":null}"""),
            _ => Respond.NotFound(),
        });
        using var client = TestClients.Create(handler);

        var result = await client.ListTagsAsync(App, CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(["a", "b", "c"], result.Value.Tags);
        Assert.False(result.Value.IsTruncated);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task DoesNotFollowLinksToAnotherOrigin()
    {
        var handler = new FakeHttpHandler(_ => Respond.Json(HttpStatusCode.OK, """{"tags":["a"]}""", ("Link", "<https://elsewhere.example/v2/team/app/tags/list?last=a>; rel=\"next\"")));
        using var client = TestClients.Create(handler);

        var result = await client.ListTagsAsync(App, CancellationToken.None);

        Assert.Equal(["a"], result.Value?.Tags);
        Assert.True(result.Value!.IsTruncated);
        Assert.Single(handler.Requests);
    }

    [Fact]
    public async Task StopsAfterThePageLimit()
    {
        var handler = new FakeHttpHandler(request => Respond.Json(HttpStatusCode.OK, $$"""{"tags":["t{{request.RequestUri!.Query.Length}}"]}""", ("Link", $"</v2/team/app/tags/list?x={request.RequestUri!.Query.Length}>; rel=\"next\"")));
        using var client = TestClients.Create(handler, configure: o => o with { MaxTagPages = 3 });

        var result = await client.ListTagsAsync(App, CancellationToken.None);

        Assert.True(result.Value?.IsTruncated);
        Assert.Equal(3, handler.Requests.Count);
    }

    [Fact]
    public async Task UnknownRepositoryIsNotFound()
    {
        using var client = TestClients.Create(new FakeHttpHandler(_ => Respond.Json(HttpStatusCode.NotFound, """{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}""")));

        var result = await client.ListTagsAsync(App, CancellationToken.None);

        Assert.Equal(RegistryErrorKind.NotFound, result.Error?.Kind);
        Assert.Contains("NAME_UNKNOWN", result.Error!.Message, StringComparison.Ordinal);
    }
}
