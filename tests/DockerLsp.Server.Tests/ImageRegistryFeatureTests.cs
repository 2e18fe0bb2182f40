using System.Text.Json.Nodes;
using DockerLsp.Features.Images;
using DockerLsp.Server.Tests.Infrastructure;
using Moq;

namespace DockerLsp.Server.Tests;

/// <summary>Registry-backed hover and pin code actions through the wire, with a mocked <see cref="IImageRegistry"/>.</summary>
public sealed class ImageRegistryFeatureTests
{
    private const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string Text = "FROM nginx:1.27 AS web\nRUN true\n";

    [Fact]
    public async Task First_hover_says_resolving_then_shows_registry_data_and_pin_action()
    {
        var gate = new TaskCompletionSource<ImageRegistryResult<ImageInfo>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registry = new Mock<IImageRegistry>();
        registry.Setup(r => r.GetImageInfoAsync("nginx:1.27", It.IsAny<CancellationToken>())).Returns(gate.Task);
        ImageRegistrySettings? seen = null;
        var options = new LanguageServerOptions { ImageRegistryFactory = s => { seen = s; return registry.Object; } };
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push(), options);
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(Text));

        var first = (await client.RequestAsync("textDocument/hover", Lsp.AtPosition(0, 8)))["result"]!;
        Assert.Contains("resolving", (string?)first["contents"]!["value"], StringComparison.Ordinal);

        gate.SetResult(ImageRegistryResult<ImageInfo>.Success(new ImageInfo("docker.io/library/nginx:1.27", Digest, ["linux/amd64"], null, "https://hub.docker.com/_/nginx")));
        string? value = null;
        for (var attempt = 0; attempt < 100 && value?.Contains(Digest, StringComparison.Ordinal) != true; attempt++)
        {
            await Task.Delay(20);
            value = (string?)(await client.RequestAsync("textDocument/hover", Lsp.AtPosition(0, 8)))["result"]!["contents"]!["value"];
        }
        Assert.Contains(Digest, value, StringComparison.Ordinal);
        Assert.Contains("https://hub.docker.com/_/nginx", value, StringComparison.Ordinal);
        Assert.NotNull(seen);

        var actions = (await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri },
            ["range"] = Lsp.Range(0, 7, 0, 7),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        }))["result"]!.AsArray();
        var pin = actions.Single(a => ((string?)a!["title"])!.StartsWith("Pin 'nginx:1.27' to digest", StringComparison.Ordinal))!;
        var edit = pin["edit"]!["changes"]![Lsp.Uri]![0]!;
        Assert.Equal("@" + Digest, (string?)edit["newText"]);
        Assert.Equal(15, (int?)edit["range"]!["start"]!["character"]);
    }
}
