using System.Text.Json.Nodes;
using DockerLsp.Server.Tests.Infrastructure;

namespace DockerLsp.Server.Tests;

/// <summary>Push and pull diagnostics, their metadata, versions and "unchanged" answers.</summary>
public sealed class DiagnosticsTests
{
    internal const string Text = "FROM debian:bookworm-slim AS base\nRUNN echo hi\nCMD echo done\n";

    [Fact]
    public async Task PushDiagnosticsCarryCodeSourceLinkAndVersion()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push());
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(Text, version: 7));
        var publish = await client.WaitForNotificationAsync("textDocument/publishDiagnostics");
        Assert.Equal(7, (int?)publish["params"]!["version"]);
        var diagnostic = publish["params"]!["diagnostics"]!.AsArray().Single(d => (string?)d!["code"] == "DF101")!;
        Assert.Equal("dockerlsp", (string?)diagnostic["source"]);
        Assert.EndsWith("DF101.md", (string?)diagnostic["codeDescription"]!["href"]);
        Assert.Equal(1, (int?)diagnostic["range"]!["start"]!["line"]);
        Assert.NotNull(diagnostic["data"]);
    }

    [Fact]
    public async Task AnIncrementalEditRepublishesForTheNewVersion()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push());
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(Text));
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics");
        await client.NotifyAsync("textDocument/didChange", Lsp.DidChange(2, Lsp.Range(1, 3, 1, 4), ""));
        var publish = await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (int?)n["params"]!["version"] == 2);
        Assert.DoesNotContain(publish["params"]!["diagnostics"]!.AsArray(), d => (string?)d!["code"] == "DF101");
        Assert.Equal("FROM debian:bookworm-slim AS base\nRUN echo hi\nCMD echo done\n", client.Server.CurrentSnapshot.GetDocument(Lsp.Uri)!.Text.ToString());
    }

    [Fact]
    public async Task AFinishedAnalysisLeavesNothingBehindOnTheRunningServer()
    {
        // Every keystroke schedules an analysis with its own cancellation; a server that runs for hours must not keep them.
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push());
        var publisher = client.Server.Publisher;
        WeakReference<CancellationTokenSource>? last = null;
        publisher.Scheduled = cancellation => last = new WeakReference<CancellationTokenSource>(cancellation);
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(Text));
        await client.NotifyAsync("textDocument/didChange", Lsp.DidChange(2, Lsp.Range(1, 3, 1, 4), ""));
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (int?)n["params"]!["version"] == 2);
        while (publisher.IsBusy) await Task.Delay(1);

        Assert.NotNull(last);
        Assert.False(IsAlive(last), "the last analysis's cancellation is still referenced after it finished");
    }

    private static bool IsAlive<T>(WeakReference<T> reference) where T : class
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
        return reference.TryGetTarget(out _);
    }

    [Fact]
    public async Task PullClientsGetNoPushesAndUnchangedReports()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Pull());
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(Text));
        var request = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri } };
        var first = (await client.RequestAsync("textDocument/diagnostic", request))["result"]!;
        Assert.Equal("full", (string?)first["kind"]);
        Assert.Contains(first["items"]!.AsArray(), d => (string?)d!["code"] == "DF101");
        var resultId = (string?)first["resultId"];
        var second = (await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri }, ["previousResultId"] = resultId }))["result"]!;
        Assert.Equal("unchanged", (string?)second["kind"]);
        await Task.Delay(100);
        Assert.DoesNotContain(client.Notifications, n => (string?)n["method"] == "textDocument/publishDiagnostics");
    }

    [Fact]
    public async Task ClosingADocumentClearsItsDiagnostics()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push());
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(Text));
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics");
        client.ClearNotifications();
        await client.NotifyAsync("textDocument/didClose", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri } });
        var publish = await client.WaitForNotificationAsync("textDocument/publishDiagnostics");
        Assert.Empty(publish["params"]!["diagnostics"]!.AsArray());
    }

    [Fact]
    public async Task ConfigurationFromTheClientTurnsARuleOff()
    {
        // The syntax engine reports DF112 whatever the rule catalogue holds; the settings path is the same for every engine.
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Pull(), new LanguageServerOptions { Engine = new Features.Diagnostics.SyntaxAnalysisEngine() });
        var text = "FROM alpine\nRUN echo a && \\\n\n    echo b\n";
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(text));
        var request = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri } };
        var before = (await client.RequestAsync("textDocument/diagnostic", request))["result"]!["items"]!.AsArray();
        Assert.Contains(before, d => (string?)d!["code"] == "DF112");
        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["dockerlsp"] = new JsonObject { ["rules"] = new JsonObject { ["DF112"] = "off" } } } });
        var deadline = DateTime.UtcNow + TestLspClient.Timeout;
        JsonArray after;
        do
        {
            await Task.Delay(20);
            after = (await client.RequestAsync("textDocument/diagnostic", request.DeepClone()))["result"]!["items"]!.AsArray();
        }
        while (after.Any(d => (string?)d!["code"] == "DF112") && DateTime.UtcNow < deadline);
        Assert.DoesNotContain(after, d => (string?)d!["code"] == "DF112");
    }

    [Fact]
    public async Task AnUnknownLogLevelIsReportedWithoutEchoingTheSetting()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Pull());
        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["dockerlsp"] = new JsonObject { ["logLevel"] = "chatty-s3cr3t" } } });
        var warning = await client.WaitForNotificationAsync("window/logMessage", n => ((string?)n["params"]!["message"])!.Contains("dockerlsp.logLevel"));
        Assert.DoesNotContain("s3cr3t", (string?)warning["params"]!["message"]);
    }

    [Fact]
    public async Task AConfigurationAnswerThatArrivesAfterNewerPushedSettingsDoesNotUndoThem()
    {
        // The client holds its answer to the server's first workspace/configuration pull (sent at initialized) until it has
        // pushed newer settings and seen them applied. The late answer (no dockerlsp section) is older than the push and must
        // not bring DF112 back.
        var releasePull = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = TestLspClient.Start(new LanguageServerOptions { Engine = new Features.Diagnostics.SyntaxAnalysisEngine() });
        client.DeferredServerRequestHandler = async (method, _) =>
        {
            if (method == "workspace/configuration") await releasePull.Task;
            return null;
        };
        await client.RequestAsync("initialize", new JsonObject { ["capabilities"] = Capabilities.Pull() });
        await client.NotifyAsync("initialized", new JsonObject());
        await client.WaitForServerRequestAsync("workspace/configuration");
        Assert.Contains(client.ServerRequests, r => (string?)r["method"] == "workspace/configuration");
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen("FROM alpine\nRUN echo a && \\\n\n    echo b\n"));
        var request = new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri } };
        async Task<bool> ReportsDF112() =>
            (await client.RequestAsync("textDocument/diagnostic", request.DeepClone()))["result"]!["items"]!.AsArray().Any(d => (string?)d!["code"] == "DF112");
        await client.NotifyAsync("workspace/didChangeConfiguration", new JsonObject { ["settings"] = new JsonObject { ["dockerlsp"] = new JsonObject { ["rules"] = new JsonObject { ["DF112"] = "off" } } } });
        await TestLspClient.WaitUntilAsync(async () => !await ReportsDF112(), "the pushed settings were never applied");

        releasePull.SetResult();
        // An answer that undid the push would be applied within milliseconds of arriving; watch for a second.
        var watchUntil = DateTime.UtcNow + TimeSpan.FromSeconds(1);
        while (DateTime.UtcNow < watchUntil)
        {
            Assert.False(await ReportsDF112(), "the late answer to the first pull replaced the newer pushed settings");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task AClientOfferingConfigurationIsAskedForTheDockerlspSection()
    {
        await using var client = TestLspClient.Start();
        await client.RequestAsync("initialize", new JsonObject { ["capabilities"] = Capabilities.Pull() });
        await client.NotifyAsync("initialized", new JsonObject());
        var request = await client.WaitForServerRequestAsync("workspace/configuration");
        Assert.Equal("dockerlsp", (string?)request["params"]!["items"]![0]!["section"]);
        Assert.Contains(client.ServerRequests, r => (string?)r["method"] == "client/registerCapability");
    }
}
