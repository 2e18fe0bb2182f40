using System.Text.Json.Nodes;
using DockerLsp.Server.Tests.Infrastructure;

namespace DockerLsp.Server.Tests;

/// <summary>Queue semantics: stale diagnostic work is cancelled by a newer version, and reads do not wait for slow analyses.</summary>
public sealed class QueueOrderingTests
{
    [Fact]
    public async Task ANewerVersionCancelsTheOlderAnalysisAndItsResultIsNeverPublished()
    {
        // Version 2's analysis blocks until cancelled: only a newer version can release it.
        var engine = new HeldAnalysisEngine(heldVersion: 2);
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push(), new LanguageServerOptions { Engine = engine.Engine });
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen("FROM alpine\n"));
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (int?)n["params"]!["version"] == 1);
        await client.NotifyAsync("textDocument/didChange", Lsp.DidChange(2, Lsp.Range(1, 0, 1, 0), "RUN a\n"));
        await engine.Started.WaitAsync(TestLspClient.Timeout);

        // While version 2 is still being analysed, reads are answered from the newest snapshot.
        var hover = await client.RequestAsync("textDocument/hover", Lsp.AtPosition(1, 1));
        Assert.Contains("RUN", (string?)hover["result"]!["contents"]!["value"]);

        await client.NotifyAsync("textDocument/didChange", Lsp.DidChange(3, Lsp.Range(2, 0, 2, 0), "CMD b\n"));
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (int?)n["params"]!["version"] == 3);
        // Version 2's analysis wakes from its wait on its own thread: under load, version 3 can be published before it records that.
        await TestLspClient.WaitUntilAsync(() => engine.SawCancellation, "version 2's analysis never saw its cancellation");
        Assert.DoesNotContain(client.Notifications, n => (string?)n["method"] == "textDocument/publishDiagnostics" && (int?)n["params"]!["version"] == 2);
    }

    [Fact]
    public async Task MutationsApplyInArrivalOrder()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push());
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(""));
        var expected = "";
        for (var version = 2; version < 202; version++)
        {
            var text = ((char)('a' + version % 26)).ToString();
            expected += text;
            await client.NotifyAsync("textDocument/didChange", Lsp.DidChange(version, Lsp.Range(0, expected.Length - 1, 0, expected.Length - 1), text));
        }
        await client.RequestAsync("textDocument/hover", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri }, ["position"] = Lsp.Position(0, 0) });
        Assert.Equal(expected, client.Server.CurrentSnapshot.GetDocument(Lsp.Uri)!.Text.ToString());
    }
}
