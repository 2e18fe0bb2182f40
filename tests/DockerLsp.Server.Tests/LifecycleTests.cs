using System.Text;
using System.Text.Json.Nodes;
using DockerLsp.Server.Protocol;
using DockerLsp.Server.Tests.Infrastructure;

namespace DockerLsp.Server.Tests;

/// <summary>The LSP lifecycle over an in-process pipe: error codes before initialize and after shutdown, exit codes, encoding negotiation.</summary>
public sealed class LifecycleTests
{
    [Fact]
    public async Task RequestBeforeInitializeGetsServerNotInitialized()
    {
        await using var client = TestLspClient.Start();
        var response = await client.RequestAsync("textDocument/hover", Lsp.AtPosition(0, 0));
        Assert.Equal(LspConstants.ErrorServerNotInitialized, Lsp.ErrorCode(response));
    }

    [Fact]
    public async Task PreloadingWhileAServerStartsChangesNothingItAnswers()
    {
        // The CLI preloads the JSON-RPC stack on another core while it parses its command line (Program.Main).
        var preloads = Enumerable.Range(0, 2).Select(_ => Task.Run(LanguageServer.Preload)).ToArray();
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push());
        await Task.WhenAll(preloads).WaitAsync(TestLspClient.Timeout);
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(DiagnosticsTests.Text));
        var publish = await client.WaitForNotificationAsync("textDocument/publishDiagnostics");
        Assert.Contains(publish["params"]!["diagnostics"]!.AsArray(), d => (string?)d!["code"] == "DF101");
    }

    [Fact]
    public async Task InitializeAnswersCapabilitiesAndServerInfo()
    {
        await using var client = TestLspClient.Start();
        var response = await client.RequestAsync("initialize", new JsonObject { ["processId"] = null, ["capabilities"] = Capabilities.Push() });
        var capabilities = response["result"]!["capabilities"]!;
        Assert.Equal("utf-16", (string?)capabilities["positionEncoding"]);
        Assert.Equal(2, (int?)capabilities["textDocumentSync"]!["change"]);
        Assert.True((bool?)capabilities["hoverProvider"]);
        Assert.True((bool?)capabilities["codeActionProvider"]!["resolveProvider"]);
        Assert.Null(capabilities["diagnosticProvider"]);
        Assert.Equal("dockerlsp", (string?)response["result"]!["serverInfo"]!["name"]);
    }

    [Fact]
    public async Task SecondInitializeIsRefused()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var response = await client.RequestAsync("initialize", new JsonObject { ["capabilities"] = new JsonObject() });
        Assert.Equal(LspConstants.ErrorInvalidRequest, Lsp.ErrorCode(response));
    }

    [Theory]
    [InlineData("utf-8", "utf-8")]
    [InlineData("utf-32", "utf-32")]
    [InlineData(null, "utf-16")]
    public async Task PositionEncodingFollowsTheClientsPreference(string? offered, string expected)
    {
        await using var client = TestLspClient.Start();
        var response = await client.RequestAsync("initialize", new JsonObject { ["capabilities"] = Capabilities.Push(offered) });
        Assert.Equal(expected, (string?)response["result"]!["capabilities"]!["positionEncoding"]);
    }

    [Fact]
    public async Task ShutdownThenExitGivesExitCodeZero()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.ShutdownAndExitAsync();
        Assert.Equal(0, await client.Run.WaitAsync(TestLspClient.Timeout));
    }

    /// <summary>
    /// The shapes clients give the params of <c>shutdown</c> and <c>exit</c>: none, null, an empty object, and
    /// vscode-jsonrpc's <c>[null]</c> (sendNotification/sendRequest with an explicit null, as lspbench does).
    /// </summary>
    [Theory]
    [InlineData(null)]
    [InlineData(",\"params\":null")]
    [InlineData(",\"params\":{}")]
    [InlineData(",\"params\":[null]")]
    [InlineData(",\"params\":[]")]
    public async Task ShutdownThenExitGivesExitCodeZeroWhateverShapeTheEmptyParamsHave(string? parameters)
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.SendRawAsync(TestLspClient.Frame(Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"id\":50,\"method\":\"shutdown\"{parameters}}}")));
        Assert.Null((await client.ResponseFor(50))["error"]);
        await client.SendRawAsync(TestLspClient.Frame(Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"method\":\"exit\"{parameters}}}")));
        Assert.Equal(0, await client.Run.WaitAsync(TestLspClient.Timeout));
    }

    [Fact]
    public async Task RequestsAfterShutdownAreInvalid()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.RequestAsync("shutdown", null);
        var response = await client.RequestAsync("textDocument/hover", Lsp.AtPosition(0, 0));
        Assert.Equal(LspConstants.ErrorInvalidRequest, Lsp.ErrorCode(response));
    }

    [Fact]
    public async Task ExitWithoutShutdownGivesExitCodeOne()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.NotifyAsync("exit", null);
        Assert.Equal(1, await client.Run.WaitAsync(TestLspClient.Timeout));
    }

    [Fact]
    public async Task ClientThatDisappearsEndsTheServerWithExitCodeOne()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        client.CloseInput();
        Assert.Equal(1, await client.Run.WaitAsync(TestLspClient.Timeout));
    }

    [Fact]
    public async Task ServerExitsWhenTheClientProcessDies()
    {
        using var process = System.Diagnostics.Process.Start("sleep", "0.3");
        await using var client = TestLspClient.Start(new LanguageServerOptions { ProcessPollInterval = TimeSpan.FromMilliseconds(50) });
        await client.RequestAsync("initialize", new JsonObject { ["processId"] = process.Id, ["capabilities"] = new JsonObject() });
        Assert.Equal(1, await client.Run.WaitAsync(TestLspClient.Timeout));
    }

    [Fact]
    public async Task UnknownMethodGetsMethodNotFound()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var response = await client.RequestAsync("textDocument/noSuchThing", new JsonObject());
        Assert.Equal(-32601, Lsp.ErrorCode(response));
        Assert.Null((await client.RequestAsync("textDocument/hover", Lsp.AtPosition(0, 0)))["error"]);
    }

    [Fact]
    public async Task SetTraceMakesTheServerSendLogTrace()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push());
        await client.NotifyAsync("$/setTrace", new JsonObject { ["value"] = "messages" });
        await client.RequestAsync("textDocument/hover", Lsp.AtPosition(0, 0));
        await client.WaitForNotificationAsync("$/logTrace");
    }
}
