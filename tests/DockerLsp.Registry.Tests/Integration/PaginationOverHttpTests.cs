namespace DockerLsp.Registry.Tests;

/// <summary>
/// Tag-list paging over real HTTP on loopback (docker-registry 2.8.2 does not page tags/list): relative and absolute
/// <c>Link</c> targets are followed, and the page limit is honoured.
/// </summary>
public sealed class PaginationOverHttpTests
{
    [Fact]
    public async Task FollowsLinkHeadersAcrossPages()
    {
        LoopbackHttpServer? server = null;
        server = new LoopbackHttpServer(request => request.Query switch
        {
            "n=2" => LoopbackResponse.Json(200, """{"name":"team/app","tags":["a","b"]}""", ("Link", "</v2/team/app/tags/list?n=2&last=b>; rel=\"next\"")),
            "n=2&last=b" => LoopbackResponse.Json(200, """{"name":"team/app","tags":["c","d"]}""", ("Link", $"<{server!.BaseUri}v2/team/app/tags/list?n=2&last=d>; rel=\"next\"")),
            "n=2&last=d" => LoopbackResponse.Json(200, """{"name":"team/app","tags":["e"]}"""),
            _ => LoopbackResponse.Json(404, "{}"),
        });
        await using var _ = server;
        using var client = new IntegrationClient(configure: o => o with { TagPageSize = 2 });

        var result = await client.Client.ListTagsAsync(RegistryImageName.Parse(server.Authority + "/team/app"), CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(["a", "b", "c", "d", "e"], result.Value.Tags);
        Assert.Equal(["/v2/team/app/tags/list?n=2", "/v2/team/app/tags/list?n=2&last=b", "/v2/team/app/tags/list?n=2&last=d"], server.Requests.Select(r => r.Target));
    }

    [Fact]
    public async Task StopsAtThePageLimit()
    {
        await using var server = new LoopbackHttpServer(request =>
            LoopbackResponse.Json(200, """{"tags":["t"]}""", ("Link", $"</v2/team/app/tags/list?last={request.Target.Length}>; rel=\"next\"")));
        using var client = new IntegrationClient(configure: o => o with { MaxTagPages = 4 });

        var result = await client.Client.ListTagsAsync(RegistryImageName.Parse(server.Authority + "/team/app"), CancellationToken.None);

        Assert.True(result.Value?.IsTruncated);
        Assert.Equal(4, server.Requests.Count);
    }
}
