using System.Text;
using System.Text.Json.Nodes;
using DockerLsp.Server.Tests.Infrastructure;

namespace DockerLsp.Server.Tests;

/// <summary>
/// Bad input on the wire and odd editor behaviour: the server answers with the right error, keeps serving and never loses text.
/// These tests load the machine (a 5 MB document, a thousand edits), so they run alone (<see cref="RobustnessCollection"/>).
/// </summary>
[Collection(nameof(RobustnessCollection))]
public sealed class RobustnessTests
{
    [Fact]
    public async Task MalformedJsonGetsParseErrorAndTheServerKeepsServing()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.SendRawAsync(TestLspClient.Frame(Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":")));
        var error = await client.ResponseFor(-1);
        Assert.Equal(-32700, Lsp.ErrorCode(error));
        Assert.Null((await client.RequestAsync("textDocument/hover", Lsp.AtPosition(0, 0)))["error"]);
    }

    [Fact]
    public async Task ValidJsonThatIsNotJsonRpcGetsInvalidRequest()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.SendRawAsync(TestLspClient.Frame(Encoding.UTF8.GetBytes("{\"id\":77,\"hello\":true}")));
        var error = await client.ResponseFor(77);
        Assert.Equal(-32600, Lsp.ErrorCode(error));
        Assert.Null((await client.RequestAsync("textDocument/hover", Lsp.AtPosition(0, 0)))["error"]);
    }

    [Fact]
    public async Task TooSmallContentLengthIsSurvived()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var body = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":90,\"method\":\"textDocument/hover\",\"params\":{}}");
        await client.SendRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length - 10}\r\n\r\n"), .. body]);
        Assert.Null((await client.RequestAsync("textDocument/hover", Lsp.AtPosition(0, 0)))["error"]);
    }

    [Fact]
    public async Task TooLargeContentLengthRecoversAtTheNextHeader()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        var body = Encoding.UTF8.GetBytes("{\"jsonrpc\":\"2.0\",\"id\":91,\"method\":\"textDocument/hover\",\"params\":{}}");
        await client.SendRawAsync([.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length + 40}\r\n\r\n"), .. body]);
        // The next, well-formed frame completes the bad one; the server restarts at its header and answers it.
        var response = await client.RequestAsync("textDocument/hover", Lsp.AtPosition(0, 0));
        Assert.Null(response["error"]);
    }

    [Fact]
    public async Task GarbageBetweenFramesIsSkipped()
    {
        await using var client = await TestLspClient.StartInitializedAsync();
        await client.SendRawAsync(Encoding.ASCII.GetBytes("this is not a header\r\n\r\n"));
        Assert.Null((await client.RequestAsync("textDocument/hover", Lsp.AtPosition(0, 0)))["error"]);
    }

    [Fact]
    public async Task OutOfRangePositionsAndUnknownDocumentsAreAnsweredCalmly()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push());
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(DiagnosticsTests.Text));
        Assert.Null((await client.RequestAsync("textDocument/hover", Lsp.AtPosition(500, 900)))["error"]);
        Assert.Null((await client.RequestAsync("textDocument/hover", Lsp.AtPosition(-1, -5)))["error"]);
        var unknown = await client.RequestAsync("textDocument/hover", Lsp.AtPosition(0, 0, "file:///nowhere/Dockerfile"));
        Assert.Null(unknown["error"]);
        Assert.Null(unknown["result"]);
        var actions = await client.RequestAsync("textDocument/codeAction", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = "untitled:Untitled-1" },
            ["range"] = Lsp.Range(0, 0, 0, 0),
            ["context"] = new JsonObject { ["diagnostics"] = new JsonArray() },
        });
        Assert.Empty(actions["result"]!.AsArray());
    }

    [Fact]
    public async Task UnopenedDocumentsAreReadFromDisk()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dockerlsp-{Guid.NewGuid():N}.Dockerfile");
        await File.WriteAllTextAsync(path, "FROM alpine\nCMD echo hi\n");
        try
        {
            await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push());
            var hover = await client.RequestAsync("textDocument/hover", Lsp.AtPosition(1, 1, new Uri(path).AbsoluteUri));
            Assert.Contains("CMD", (string?)hover["result"]!["contents"]!["value"]);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ChangesForUnopenedDocumentsAreIgnoredAndStaleVersionsStillApply()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push());
        await client.NotifyAsync("textDocument/didChange", Lsp.DidChange(3, Lsp.Range(0, 0, 0, 0), "X", "file:///other/Dockerfile"));
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen("FROM alpine\n", version: 5));
        await client.NotifyAsync("textDocument/didChange", Lsp.DidChange(4, Lsp.Range(1, 0, 1, 0), "CMD x\n"));
        await client.RequestAsync("textDocument/hover", Lsp.AtPosition(0, 0));
        var snapshot = client.Server.CurrentSnapshot;
        Assert.Null(snapshot.GetDocument("file:///other/Dockerfile"));
        Assert.Equal("FROM alpine\nCMD x\n", snapshot.GetDocument(Lsp.Uri)!.Text.ToString());
    }

    [Fact]
    public async Task TextWithALoneSurrogateIsOpenedAndEditedUnitForUnit()
    {
        // Written as raw JSON: a JsonObject would turn the lone surrogate into U+FFFD before it reached the wire.
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push());
        await client.SendRawAsync(RawNotification("textDocument/didOpen",
            """{"textDocument":{"uri":"URI","languageId":"dockerfile","version":1,"text":"FROM alpine\nLABEL a=\"\ud83d\"\n"}}"""));
        await client.SendRawAsync(RawNotification("textDocument/didChange",
            """{"textDocument":{"uri":"URI","version":2},"contentChanges":[{"range":{"start":{"line":1,"character":10},"end":{"line":1,"character":10}},"text":"\ude00x"}]}"""));
        var published = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (int?)n["params"]!["version"] == 2);
        Assert.Equal("FROM alpine\nLABEL a=\"\ud83d\ude00x\"\n", client.Server.CurrentSnapshot.GetDocument(Lsp.Uri)!.Text.ToString());
        Assert.Equal(Lsp.Uri, (string?)published["params"]!["uri"]);
    }

    /// <summary>A notification framed from raw JSON params, <c>URI</c> standing for the test document's URI.</summary>
    private static byte[] RawNotification(string method, string parameters) =>
        TestLspClient.Frame(Encoding.UTF8.GetBytes($"{{\"jsonrpc\":\"2.0\",\"method\":\"{method}\",\"params\":{parameters.Replace("URI", Lsp.Uri)}}}"));

    [Fact]
    public async Task ARequestWithUnreadableParamsGetsInvalidParams()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push());
        var response = await client.RequestAsync("textDocument/hover", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri },
            ["position"] = "the top",
        });
        Assert.Equal(-32602, Lsp.ErrorCode(response));
        Assert.Null((await client.RequestAsync("textDocument/hover", Lsp.AtPosition(0, 0)))["error"]);
    }

    [Fact]
    public async Task ANotificationWithUnreadableParamsIsReportedNotSilentlyDropped()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push());
        await client.NotifyAsync("textDocument/didOpen", new JsonObject
        {
            ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri, ["languageId"] = "dockerfile", ["version"] = "one", ["text"] = "FROM secret-content\n" },
        });
        var warning = await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.Contains("textDocument/didOpen"));
        var message = (string)warning["params"]!["message"]!;
        Assert.Contains("version", message);
        Assert.DoesNotContain("secret-content", message);
        Assert.Null(client.Server.CurrentSnapshot.GetDocument(Lsp.Uri));
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen("FROM alpine\n"));
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (string?)n["params"]!["uri"] == Lsp.Uri);
    }

    [Fact]
    public async Task AFiveMegabyteDocumentIsServedWhileItIsAnalysed()
    {
        var builder = new StringBuilder("FROM alpine\n");
        while (builder.Length < 5 * 1024 * 1024) builder.Append("RUN echo 'a fairly long line of shell to fill the document up quickly'\n");
        var text = builder.ToString();
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push());
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(text));
        // Reads run on the snapshot while diagnostics are computed in the background: hover answers without waiting for them.
        var hover = await client.RequestAsync("textDocument/hover", Lsp.AtPosition(40000, 1));
        Assert.Contains("RUN", (string?)hover["result"]!["contents"]!["value"]);
        await client.NotifyAsync("textDocument/didChange", Lsp.DidChange(2, Lsp.Range(40000, 0, 40000, 0), "# edited\n"));
        await client.RequestAsync("textDocument/hover", Lsp.AtPosition(0, 0));
        Assert.Equal(text.Length + 9, client.Server.CurrentSnapshot.GetDocument(Lsp.Uri)!.Text.Length);
    }

    [Fact]
    public async Task AThousandRapidEditsLeaveExactlyTheEditorsText()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push());
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen("FROM alpine\nRUN echo \n"));
        var line = new StringBuilder("RUN echo ");
        var random = new Random(1234);
        for (var version = 2; version < 1002; version++)
        {
            var column = random.Next(9, line.Length + 1);
            if (line.Length <= 12 || random.Next(3) != 0)
            {
                var letter = ((char)('a' + random.Next(26))).ToString();
                line.Insert(column, letter);
                await client.NotifyAsync("textDocument/didChange", Lsp.DidChange(version, Lsp.Range(1, column, 1, column), letter));
            }
            else
            {
                column = Math.Min(column, line.Length - 1);
                line.Remove(column, 1);
                await client.NotifyAsync("textDocument/didChange", Lsp.DidChange(version, Lsp.Range(1, column, 1, column + 1), ""));
            }
        }
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (int?)n["params"]!["version"] == 1001);
        Assert.Equal("FROM alpine\n" + line + "\n", client.Server.CurrentSnapshot.GetDocument(Lsp.Uri)!.Text.ToString());
    }
}

/// <summary>
/// Runs <see cref="RobustnessTests"/> after the other test classes, not beside them. Run beside them, a request of the 5 MB test
/// went unanswered past its 20 s timeout in about 1 run in 15-40 (never alone); the likely cause is thread-pool starvation:
/// other classes hold pool threads in mocked analyses that block until cancelled (up to 20 s) while the 5 MB document's
/// analysis keeps both cores busy.
/// </summary>
[CollectionDefinition(nameof(RobustnessCollection), DisableParallelization = true)]
public sealed class RobustnessCollection;
