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

    private const string Old = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

    private static JsonObject Settings(bool checkDigests = false, bool pinRule = false) => new()
    {
        ["settings"] = new JsonObject
        {
            ["dockerlsp"] = new JsonObject
            {
                ["rules"] = pinRule ? new JsonObject { ["DF501"] = "info" } : new JsonObject(),
                ["registry"] = new JsonObject { ["checkDigests"] = checkDigests, ["timeoutSeconds"] = 2 },
            },
        },
    };

    private static JsonObject CodeActionsAt(int line, int character, JsonArray? diagnostics = null) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri },
        ["range"] = Lsp.Range(line, character, line, character),
        ["context"] = new JsonObject { ["diagnostics"] = diagnostics ?? new JsonArray() },
    };

    private static Mock<IImageRegistry> GatedRegistry(TaskCompletionSource<ImageRegistryResult<ImageInfo>> gate)
    {
        var registry = new Mock<IImageRegistry>();
        registry.Setup(r => r.GetImageInfoAsync("nginx:1.27", It.IsAny<CancellationToken>())).Returns(gate.Task);
        return registry;
    }

    private static ImageRegistryResult<ImageInfo> Info() =>
        ImageRegistryResult<ImageInfo>.Success(new ImageInfo("docker.io/library/nginx:1.27", Digest, ["linux/amd64"], null, null));

    private static int Refreshes(TestLspClient client) => client.ServerRequests.Count(r => (string?)r["method"] == "workspace/diagnostic/refresh");

    /// <summary>Pull clients: sends the settings and waits until they apply (the server asks for a refresh then).</summary>
    private static async Task ConfigurePullClientAsync(TestLspClient client, JsonObject settings)
    {
        var before = Refreshes(client);
        await client.NotifyAsync("workspace/didChangeConfiguration", settings);
        await TestLspClient.WaitUntilAsync(() => Refreshes(client) > before, "the settings were not applied");
    }

    private static JsonObject PullWithRefresh()
    {
        var capabilities = Capabilities.Pull();
        capabilities["workspace"]!["diagnostics"] = new JsonObject { ["refreshSupport"] = true };
        capabilities["workspace"]!["configuration"] = false;
        return capabilities;
    }

    [Fact]
    public async Task Push_client_gets_DF506_republished_once_when_the_lookup_answers_without_an_edit()
    {
        var gate = new TaskCompletionSource<ImageRegistryResult<ImageInfo>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new LanguageServerOptions { ImageRegistryFactory = _ => GatedRegistry(gate).Object };
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push(), options);
        await client.NotifyAsync("workspace/didChangeConfiguration", Settings(checkDigests: true));
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen($"FROM nginx:1.27@{Old}\nRUN true\n"));
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics");
        await Task.Delay(200);
        Assert.DoesNotContain(client.Notifications, n => n.ToJsonString().Contains("DF506", StringComparison.Ordinal));
        var before = client.Notifications.Count(n => (string?)n["method"] == "textDocument/publishDiagnostics");

        gate.SetResult(Info());
        var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics",
            n => n["params"]!["diagnostics"]!.AsArray().Any(d => (string?)d!["code"] == "DF506"));
        Assert.Equal(1, (int?)published["params"]!["version"]);
        await Task.Delay(300);
        Assert.Equal(before + 1, client.Notifications.Count(n => (string?)n["method"] == "textDocument/publishDiagnostics"));
    }

    [Fact]
    public async Task Pull_client_with_refresh_support_is_asked_to_pull_again_and_then_sees_DF506()
    {
        var gate = new TaskCompletionSource<ImageRegistryResult<ImageInfo>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new LanguageServerOptions { ImageRegistryFactory = _ => GatedRegistry(gate).Object };
        await using var client = await TestLspClient.StartInitializedAsync(PullWithRefresh(), options);
        await ConfigurePullClientAsync(client, Settings(checkDigests: true));
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen($"FROM nginx:1.27@{Old}\nRUN true\n"));
        var pull = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri } };
        var first = (await client.RequestAsync("textDocument/diagnostic", pull.DeepClone()))["result"]!;
        Assert.DoesNotContain(first["items"]!.AsArray(), d => (string?)d!["code"] == "DF506");
        var refreshesBefore = Refreshes(client);

        gate.SetResult(Info());
        await TestLspClient.WaitUntilAsync(() => Refreshes(client) > refreshesBefore, "no refresh after the lookup answered");
        await Task.Delay(200);
        Assert.Equal(refreshesBefore + 1, Refreshes(client));

        var second = (await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri }, ["previousResultId"] = first["resultId"]!.DeepClone() }))["result"]!;
        Assert.Equal("full", (string?)second["kind"]);
        Assert.Single(second["items"]!.AsArray(), d => (string?)d!["code"] == "DF506");
    }

    [Fact]
    public async Task Pin_action_is_the_preferred_quick_fix_of_DF501_and_resolves_lazily_before_the_digest_is_cached()
    {
        var gate = new TaskCompletionSource<ImageRegistryResult<ImageInfo>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registry = GatedRegistry(gate);
        registry.Setup(r => r.ResolveDigestAsync("nginx:1.27", It.IsAny<CancellationToken>())).ReturnsAsync(ImageRegistryResult<string>.Success(Digest));
        var options = new LanguageServerOptions { ImageRegistryFactory = _ => registry.Object };
        await using var client = await TestLspClient.StartInitializedAsync(PullWithRefresh(), options);
        await ConfigurePullClientAsync(client, Settings(pinRule: true));
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(Text));
        var diagnostics = (await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri } }))["result"]!["items"]!.AsArray();
        var df501 = diagnostics.Single(d => (string?)d!["code"] == "DF501")!;

        var actions = (await client.RequestAsync("textDocument/codeAction", CodeActionsAt(0, 7, new JsonArray(df501.DeepClone()))))["result"]!.AsArray();
        var pin = actions.Single(a => (string?)a!["title"] == "Pin 'nginx:1.27' to digest")!.AsObject();
        Assert.Equal("quickfix", (string?)pin["kind"]);
        Assert.True((bool?)pin["isPreferred"]);
        Assert.Equal("DF501", (string?)Assert.Single(pin["diagnostics"]!.AsArray())!["code"]);
        Assert.Null(pin["edit"]);

        var resolved = await client.RequestAsync("codeAction/resolve", pin.DeepClone());
        var edit = resolved["result"]!["edit"]!["changes"]![Lsp.Uri]![0]!;
        Assert.Equal("@" + Digest, (string?)edit["newText"]);
        Assert.Equal(15, (int?)edit["range"]!["start"]!["character"]);

        // A registry failure is a clear error on resolve, not a hang.
        registry.Setup(r => r.ResolveDigestAsync("nginx:1.27", It.IsAny<CancellationToken>())).ReturnsAsync(ImageRegistryResult<string>.Failure("registry-1.docker.io: connection refused"));
        var failed = await client.RequestAsync("codeAction/resolve", pin.DeepClone());
        Assert.Equal(-32803, Lsp.ErrorCode(failed));
        Assert.Contains("connection refused", (string?)failed["error"]!["message"], StringComparison.Ordinal);

        // Once the digest is cached the action carries its edit inline, still linked to DF501. The answer reaches the cache
        // on the lookup's own continuation, so the first request after the gate opens may still see "resolving": ask again.
        gate.SetResult(Info());
        JsonNode? cached = null;
        var deadline = DateTime.UtcNow + TestLspClient.Timeout;
        while (cached is null && DateTime.UtcNow < deadline)
        {
            cached = (await client.RequestAsync("textDocument/codeAction", CodeActionsAt(0, 7)))["result"]!.AsArray()
                .SingleOrDefault(a => ((string?)a!["title"])!.StartsWith("Pin 'nginx:1.27' to digest sha256:", StringComparison.Ordinal));
            if (cached is null) await Task.Delay(10);
        }
        Assert.NotNull(cached);
        Assert.NotNull(cached["edit"]);
        Assert.Equal("DF501", (string?)cached["diagnostics"]![0]!["code"]);
    }
}
