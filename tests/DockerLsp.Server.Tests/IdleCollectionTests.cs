using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DockerLsp.Features.Diagnostics;
using DockerLsp.Features.Settings;
using DockerLsp.Features.Workspace;
using DockerLsp.Server.Hosting;
using DockerLsp.Server.Tests.Infrastructure;
using Moq;

namespace DockerLsp.Server.Tests;

/// <summary>
/// Garbage collection between keystrokes (<see cref="IdleCollector"/>): the collector is asked once the server has nothing in
/// flight, in push and pull mode; never while an analysis is pending or work started after the server went quiet; and only
/// when the host asked for it.
/// </summary>
public sealed class IdleCollectionTests
{
    [Fact]
    public async Task AfterAPublishTheIdleServerAsksTheCollector()
    {
        var busyWhenAsked = new ConcurrentQueue<bool>();
        TestLspClient? started = null;
        var collector = new Mock<IGarbageCollector>();
        collector.Setup(c => c.CollectYoungIfDue()).Callback(() => busyWhenAsked.Enqueue(started?.Server.Publisher.IsBusy ?? false));
        await using var client = started = await TestLspClient.StartInitializedAsync(Capabilities.Push(), Options(collector.Object));

        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen("FROM alpine\n"));
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (int?)n["params"]!["version"] == 1);

        await WaitUntilAsync(() => !busyWhenAsked.IsEmpty);
        Assert.DoesNotContain(true, busyWhenAsked);
    }

    [Fact]
    public async Task PullClientsLetTheServerCollectAfterTheirReport()
    {
        var asked = 0;
        var collector = new Mock<IGarbageCollector>();
        collector.Setup(c => c.CollectYoungIfDue()).Callback(() => Interlocked.Increment(ref asked));
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Pull(), Options(collector.Object));
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen("FROM alpine\n"));
        await WaitUntilAsync(() => Volatile.Read(ref asked) > 0);
        var before = Volatile.Read(ref asked);

        var report = await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri } });

        Assert.Equal("full", (string?)report["result"]!["kind"]);
        await WaitUntilAsync(() => Volatile.Read(ref asked) > before);
    }

    [Fact]
    public async Task NothingIsCollectedWhileAnAnalysisIsPending()
    {
        var asked = 0;
        var collector = new Mock<IGarbageCollector>();
        collector.Setup(c => c.CollectYoungIfDue()).Callback(() => Interlocked.Increment(ref asked));
        var versionTwoStarted = new TaskCompletionSource();
        var engine = new Mock<IAnalysisEngine>();
        engine.Setup(e => e.Analyze(It.IsAny<Document>(), It.IsAny<LanguageServerSettings>(), It.IsAny<CancellationToken>()))
            .Returns((Document document, LanguageServerSettings settings, CancellationToken token) =>
            {
                if (document.Version == 2)
                {
                    versionTwoStarted.TrySetResult();
                    // Held until a newer version cancels it.
                    token.WaitHandle.WaitOne(TestLspClient.Timeout);
                    token.ThrowIfCancellationRequested();
                }
                return new DocumentAnalysis(document, settings, []);
            });
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push(), Options(collector.Object, engine.Object));
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen("FROM alpine\n"));
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (int?)n["params"]!["version"] == 1);
        await WaitUntilAsync(() => Volatile.Read(ref asked) > 0);

        await client.NotifyAsync("textDocument/didChange", Lsp.DidChange(2, Lsp.Range(1, 0, 1, 0), "RUN a\n"));
        await versionTwoStarted.Task.WaitAsync(TestLspClient.Timeout);
        var whilePending = Volatile.Read(ref asked);
        // A request comes and goes while version 2 is still being analysed: the server is not idle.
        await client.RequestAsync("textDocument/hover", Lsp.AtPosition(1, 1));
        await Task.Delay(IdleCollector.Delay * 20);
        Assert.Equal(whilePending, Volatile.Read(ref asked));

        await client.NotifyAsync("textDocument/didChange", Lsp.DidChange(3, Lsp.Range(2, 0, 2, 0), "CMD b\n"));
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (int?)n["params"]!["version"] == 3);
        await WaitUntilAsync(() => Volatile.Read(ref asked) > whilePending);
    }

    [Fact]
    public async Task WorkThatStartsBeforeTheDelayEndsPutsTheCollectionOff()
    {
        var asked = 0;
        var collector = new Mock<IGarbageCollector>();
        collector.Setup(c => c.CollectYoungIfDue()).Callback(() => Interlocked.Increment(ref asked));
        using var idle = new IdleCollector(collector.Object);

        idle.WorkStarted();
        idle.WorkEnded();
        idle.WorkStarted();
        await Task.Delay(IdleCollector.Delay * 20);
        Assert.Equal(0, Volatile.Read(ref asked));
        Assert.False(idle.IsIdle);

        idle.WorkEnded();
        Assert.True(idle.IsIdle);
        // A callback armed before the new work may run late, under load, and collect once the server is idle again: still idle.
        await WaitUntilAsync(() => Volatile.Read(ref asked) >= 1);
    }

    [Fact]
    public async Task HostsThatDoNotAskForItNeverCollect()
    {
        var collector = new Mock<IGarbageCollector>();
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push(),
            new LanguageServerOptions { GarbageCollector = collector.Object });
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen("FROM alpine\n"));
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics");
        await Task.Delay(IdleCollector.Delay * 20);

        collector.Verify(c => c.CollectYoungIfDue(), Times.Never);
    }

    private static LanguageServerOptions Options(IGarbageCollector collector, IAnalysisEngine? engine = null) =>
        new() { CollectGarbageWhenIdle = true, GarbageCollector = collector, Engine = engine };

    private static Task WaitUntilAsync(Func<bool> condition) => TestLspClient.WaitUntilAsync(condition, "the collector was not asked in time");
}
