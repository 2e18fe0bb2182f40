using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using DockerLsp.Features.Diagnostics;
using DockerLsp.Server.Hosting;
using DockerLsp.Server.Tests.Infrastructure;

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
        var collector = new CountingCollector(() => busyWhenAsked.Enqueue(started?.Server.Publisher.IsBusy ?? false));
        await using var client = started = await TestLspClient.StartInitializedAsync(Capabilities.Push(), Options(collector));

        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen("FROM alpine\n"));
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (int?)n["params"]!["version"] == 1);

        await WaitUntilAsync(() => !busyWhenAsked.IsEmpty);
        Assert.DoesNotContain(true, busyWhenAsked);
    }

    [Fact]
    public async Task PullClientsLetTheServerCollectAfterTheirReport()
    {
        var collector = new CountingCollector();
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Pull(), Options(collector));
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen("FROM alpine\n"));
        await WaitUntilAsync(() => collector.Asked > 0);
        var before = collector.Asked;

        var report = await client.RequestAsync("textDocument/diagnostic", new JsonObject { ["textDocument"] = new JsonObject { ["uri"] = Lsp.Uri } });

        Assert.Equal("full", (string?)report["result"]!["kind"]);
        await WaitUntilAsync(() => collector.Asked > before);
    }

    [Fact]
    public async Task NothingIsCollectedWhileAnAnalysisIsPending()
    {
        var collector = new CountingCollector();
        // Version 2's analysis is held until a newer version cancels it.
        var engine = new HeldAnalysisEngine(heldVersion: 2);
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push(), Options(collector, engine.Engine));
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen("FROM alpine\n"));
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (int?)n["params"]!["version"] == 1);
        await WaitUntilAsync(() => collector.Asked > 0);

        await client.NotifyAsync("textDocument/didChange", Lsp.DidChange(2, Lsp.Range(1, 0, 1, 0), "RUN a\n"));
        await engine.Started.WaitAsync(TestLspClient.Timeout);
        var whilePending = collector.Asked;
        // A request comes and goes while version 2 is still being analysed: the server is not idle.
        await client.RequestAsync("textDocument/hover", Lsp.AtPosition(1, 1));
        await Task.Delay(IdleCollector.Delay * 20);
        Assert.Equal(whilePending, collector.Asked);

        await client.NotifyAsync("textDocument/didChange", Lsp.DidChange(3, Lsp.Range(2, 0, 2, 0), "CMD b\n"));
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics", n => (int?)n["params"]!["version"] == 3);
        await WaitUntilAsync(() => collector.Asked > whilePending);
    }

    [Fact]
    public async Task WorkThatStartsBeforeTheDelayEndsPutsTheCollectionOff()
    {
        var collector = new CountingCollector();
        using var idle = new IdleCollector(collector);

        idle.WorkStarted();
        idle.WorkEnded();
        idle.WorkStarted();
        await Task.Delay(IdleCollector.Delay * 20);
        Assert.Equal(0, collector.Asked);
        Assert.False(idle.IsIdle);

        idle.WorkEnded();
        Assert.True(idle.IsIdle);
        // A callback armed before the new work may run late, under load, and collect once the server is idle again: still idle.
        await WaitUntilAsync(() => collector.Asked >= 1);
    }

    [Fact]
    public async Task HostsThatDoNotAskForItNeverCollect()
    {
        var collector = new CountingCollector();
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push(),
            new LanguageServerOptions { GarbageCollector = collector });
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen("FROM alpine\n"));
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics");
        await Task.Delay(IdleCollector.Delay * 20);

        Assert.Equal(0, collector.Asked);
    }

    /// <summary>Counts the times it is asked (and runs <paramref name="onAsked"/> each time, on the asking thread).</summary>
    private sealed class CountingCollector(Action? onAsked = null) : IGarbageCollector
    {
        private int _asked;

        public int Asked => Volatile.Read(ref _asked);

        public void CollectYoungIfDue()
        {
            Interlocked.Increment(ref _asked);
            onAsked?.Invoke();
        }
    }

    private static LanguageServerOptions Options(IGarbageCollector collector, IAnalysisEngine? engine = null) =>
        new() { CollectGarbageWhenIdle = true, GarbageCollector = collector, Engine = engine };

    private static Task WaitUntilAsync(Func<bool> condition) => TestLspClient.WaitUntilAsync(condition, "the collector was not asked in time");
}
