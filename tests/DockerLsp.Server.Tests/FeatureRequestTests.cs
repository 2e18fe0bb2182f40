using System.Text.Json.Nodes;
using DockerLsp.Server.Tests.Infrastructure;

namespace DockerLsp.Server.Tests;

/// <summary>Hover, code actions (literal, resolve, command + applyEdit) and cancellation through the wire.</summary>
public sealed class FeatureRequestTests
{
    [Fact]
    public async Task HoverOnAKeywordIsMarkdownWithARange()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push());
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(DiagnosticsTests.Text));
        var hover = (await client.RequestAsync("textDocument/hover", Lsp.AtPosition(2, 1)))["result"]!;
        Assert.Equal("markdown", (string?)hover["contents"]!["kind"]);
        Assert.Contains("docs.docker.com/reference/dockerfile/#cmd", (string?)hover["contents"]!["value"]);
        Assert.Equal(3, (int?)hover["range"]!["end"]!["character"]);
    }

    [Fact]
    public async Task HoverIsPlainTextWhenTheClientAsksForIt()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Pull());
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(DiagnosticsTests.Text));
        var hover = (await client.RequestAsync("textDocument/hover", Lsp.AtPosition(0, 1)))["result"]!;
        Assert.Equal("plaintext", (string?)hover["contents"]!["kind"]);
        Assert.DoesNotContain("```", (string?)hover["contents"]!["value"]);
    }

    [Fact]
    public async Task HoverUsesUtf8ColumnsWhenNegotiated()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push("utf-8"));
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen("FROM alpine\nLABEL x=\"héé\" y=1\nENV A=1\n"));
        // "LABEL x="héé" " is 15 UTF-16 units but 17 UTF-8 bytes; ENV is on the next line anyway: check a range on line 2.
        var hover = (await client.RequestAsync("textDocument/hover", Lsp.AtPosition(2, 1)))["result"]!;
        Assert.Equal(3, (int?)hover["range"]!["end"]!["character"]);
        var label = await client.RequestAsync("textDocument/hover", Lsp.AtPosition(1, 2));
        Assert.Equal(5, (int?)label["result"]!["range"]!["end"]!["character"]);
    }

    [Fact]
    public async Task PreferredQuickFixCarriesItsEditAndOthersResolveLazily()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Pull());
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(DiagnosticsTests.Text));
        var actions = (await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri },
            ["range"] = Lsp.Range(1, 0, 1, 4),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        }))["result"]!.AsArray();
        var fix = actions.Single(a => (string?)a!["title"] == "Change to 'RUN'")!;
        Assert.True((bool?)fix["isPreferred"]);
        Assert.Equal("RUN", (string?)fix["edit"]!["changes"]![Lsp.Uri]![0]!["newText"]);

        var refactoring = await ExecFormRefactoringAsync(client);
        Assert.Null(refactoring["edit"]);
        var resolved = (await client.RequestAsync("codeAction/resolve", refactoring.DeepClone()))["result"]!;
        Assert.Equal("[\"echo\", \"done\"]", (string?)resolved["edit"]!["changes"]![Lsp.Uri]![0]!["newText"]);
    }

    /// <summary>The "Convert CMD to exec form" refactoring offered on line 2 of <see cref="DiagnosticsTests.Text"/>.</summary>
    private static async Task<JsonNode> ExecFormRefactoringAsync(TestLspClient client) =>
        (await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri },
            ["range"] = Lsp.Range(2, 0, 2, 0),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(), ["only"] = new JsonArray("refactor") },
        }))["result"]!.AsArray().Single(a => (string?)a!["title"] == "Convert CMD to exec form")!;

    [Fact]
    public async Task ResolveOnAnOlderVersionIsRefusedAsContentModified()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Pull());
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(DiagnosticsTests.Text));
        var action = (await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri },
            ["range"] = Lsp.Range(2, 0, 2, 0),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray(), ["only"] = new JsonArray("refactor.rewrite") },
        }))["result"]!.AsArray().First()!;
        await client.NotifyAsync("textDocument/didChange", Lsp.DidChange(2, Lsp.Range(0, 0, 0, 0), "# comment\n"));
        var response = await client.RequestAsync("codeAction/resolve", action.DeepClone());
        Assert.Equal(-32801, Lsp.ErrorCode(response));
    }

    [Fact]
    public async Task ClientsWithoutLiteralsGetCommandsThatApplyTheEditThroughApplyEdit()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push(literals: false));
        JsonNode? applied = null;
        client.ServerRequestHandler = (method, parameters) =>
        {
            if (method == "workspace/applyEdit") applied = parameters?.DeepClone();
            return method == "workspace/applyEdit" ? new JsonObject { ["applied"] = true } : null;
        };
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(DiagnosticsTests.Text));
        var commands = (await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri },
            ["range"] = Lsp.Range(1, 0, 1, 4),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        }))["result"]!.AsArray();
        var command = commands.First(c => (string?)c!["title"] == "Change to 'RUN'")!;
        Assert.Equal("dockerlsp.applyCodeAction", (string?)command["command"]);
        var response = await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = command["command"]!.DeepClone(), ["arguments"] = command["arguments"]!.DeepClone() });
        Assert.Null(response["error"]);
        Assert.Equal("RUN", (string?)applied!["edit"]!["changes"]![Lsp.Uri]![0]!["newText"]);
    }

    [Fact]
    public async Task AnActionSentBackWithItsEditInDocumentChangesShapeIsResolvedAgain()
    {
        // A client may resolve an action that already holds an edit; documentChanges entries carry no type discriminator.
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Pull());
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(DiagnosticsTests.Text));
        var refactoring = (await ExecFormRefactoringAsync(client)).AsObject();
        refactoring["edit"] = new JsonObject
        {
            ["documentChanges"] = new JsonArray(
                new JsonObject { ["kind"] = "create", ["uri"] = "file:///work/.dockerignore", ["options"] = new JsonObject { ["ignoreIfExists"] = true } },
                new JsonObject
                {
                    ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri, ["version"] = 1 },
                    ["edits"] = new JsonArray(new JsonObject { ["range"] = Lsp.Range(0, 0, 0, 0), ["newText"] = "stale" }),
                }),
        };
        var resolved = await client.RequestAsync("codeAction/resolve", refactoring.DeepClone());
        Assert.Null(resolved["error"]);
        Assert.Equal("[\"echo\", \"done\"]", (string?)resolved["result"]!["edit"]!["changes"]![Lsp.Uri]![0]!["newText"]);
    }

    [Theory]
    [InlineData("{\"uri\":\"file:///work/Dockerfile\",\"x\":1}")]
    [InlineData("{\"uri\":\"file:///work/Dockerfile\",\"version\":1,\"start\":0,\"length\":0,\"key\":null}")]
    [InlineData("[1,2]")]
    public async Task MangledCodeActionDataIsInvalidParams(string data)
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Pull());
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(DiagnosticsTests.Text));
        var resolve = await client.RequestAsync("codeAction/resolve", new JsonObject { ["title"] = "x", ["data"] = JsonNode.Parse(data) });
        Assert.Equal(-32602, Lsp.ErrorCode(resolve));
        var execute = await client.RequestAsync("workspace/executeCommand", new JsonObject { ["command"] = "dockerlsp.applyCodeAction", ["arguments"] = new JsonArray(JsonNode.Parse(data)) });
        Assert.Equal(-32602, Lsp.ErrorCode(execute));
        Assert.Null(resolve["error"]!["data"]?["stack"]);
    }

    [Fact]
    public async Task CancelRequestAnswersRequestCancelled()
    {
        var engine = new HeldAnalysisEngine(holdFor: TimeSpan.FromSeconds(30));
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Pull(), new LanguageServerOptions { Engine = engine.Engine });
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(DiagnosticsTests.Text));
        var (id, response) = client.StartRequest("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri } });
        await engine.Started.WaitAsync(TestLspClient.Timeout);
        await client.NotifyAsync("$/cancelRequest", new JsonObject { ["id"] = id });
        Assert.Equal(-32800, Lsp.ErrorCode(await response));
        Assert.Null((await client.RequestAsync("textDocument/hover", Lsp.AtPosition(0, 1)))["error"]);
    }
}
