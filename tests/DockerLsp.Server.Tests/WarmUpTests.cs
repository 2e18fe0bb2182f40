using DockerLsp.Server.Hosting;
using DockerLsp.Server.Tests.Infrastructure;
using DockerLsp.Syntax;
using Serilog;

namespace DockerLsp.Server.Tests;

/// <summary>
/// The warm-up after <c>initialized</c> (<see cref="ServerWarmUp"/>): a private in-memory server really runs the keystroke path
/// with the rules on the embedded sample; nothing reaches the real client or workspace; it stops when cancelled; hosts can
/// turn it off.
/// </summary>
public sealed class WarmUpTests
{
    [Fact]
    public async Task TheWarmUpEditsItsSampleWithoutPublishingOrOpeningIt()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push(), new LanguageServerOptions { WarmUp = true });
        var warmUp = client.Server.WarmUp;
        Assert.NotNull(warmUp);
        await warmUp.Completion.WaitAsync(TestLspClient.Timeout);

        Assert.Equal(ServerWarmUp.EditCount, warmUp.EditsPublished);
        // The sample has findings (MAINTAINER, a relative WORKDIR, a lowercase instruction...): the rules ran, not only the parser.
        Assert.True(warmUp.LastFindingCount >= 3, $"expected the rules' findings on the sample, got {warmUp.LastFindingCount}");
        Assert.Empty(client.Server.CurrentSnapshot.Documents);
        Assert.DoesNotContain(client.Notifications, n => (string?)n["method"] == "textDocument/publishDiagnostics");
        Assert.DoesNotContain(client.Notifications, n => n.ToJsonString().Contains(ServerWarmUp.SampleUri, StringComparison.Ordinal));

        // The real document is served as usual afterwards.
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(DiagnosticsTests.Text, version: 3));
        var publish = await client.WaitForNotificationAsync("textDocument/publishDiagnostics");
        Assert.Equal(Lsp.Uri, (string?)publish["params"]!["uri"]);
        Assert.Equal(3, (int?)publish["params"]!["version"]);
        Assert.Contains(publish["params"]!["diagnostics"]!.AsArray(), d => (string?)d!["code"] == "DF101");
    }

    [Fact]
    public async Task TheUsersFirstDocumentIsAnalysedBeforeTheWarmUpStarts()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push(), new LanguageServerOptions { WarmUp = true });
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(DiagnosticsTests.Text));
        await client.WaitForNotificationAsync("textDocument/publishDiagnostics");
        var warmUp = client.Server.WarmUp!;
        await warmUp.Completion.WaitAsync(TestLspClient.Timeout);

        Assert.Equal(ServerWarmUp.EditCount, warmUp.EditsPublished);
        var published = client.Server.Publisher.FirstPublishedAt;
        Assert.NotEqual(0, published);
        Assert.True(warmUp.StartedAt > published, "the warm-up started before the user's first diagnostics were sent");
    }

    [Fact]
    public async Task WithoutADocumentTheWarmUpWaitsBeforeStarting()
    {
        var beforeInitialized = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push(), new LanguageServerOptions { WarmUp = true });
        var warmUp = client.Server.WarmUp!;
        await warmUp.Completion.WaitAsync(TestLspClient.Timeout);

        // No document was opened, so no diagnostics were published: it waited its start delay for the user's first document.
        // Timers fire on the coarse tick count, which may run up to a tick ahead of the Stopwatch (299.6 ms measured once):
        // allow that, which still tells a warm-up that waited from one that started at once.
        var timerGranularity = TimeSpan.FromMilliseconds(20);
        Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(beforeInitialized, warmUp.StartedAt) >= ServerWarmUp.StartDelay - timerGranularity,
            $"the warm-up started {System.Diagnostics.Stopwatch.GetElapsedTime(beforeInitialized, warmUp.StartedAt).TotalMilliseconds:F0} ms after initialized");
        Assert.Equal(ServerWarmUp.EditCount, warmUp.EditsPublished);
    }

    [Fact]
    public async Task ServersEmbeddedWithDefaultOptionsDoNotWarmUp()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push());
        Assert.Null(client.Server.WarmUp);
    }

    [Fact]
    public async Task ACancelledWarmUpStopsWithoutAnError()
    {
        var events = new CollectingSink();
        var warmUp = new ServerWarmUp(LanguageServer.DefaultEngine(), new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(events).CreateLogger());
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await warmUp.StartAsync(new DockerLsp.Server.Protocol.ClientCapabilities(), cancellation.Token).WaitAsync(TestLspClient.Timeout);

        Assert.Equal(0, warmUp.EditsPublished);
        Assert.True(warmUp.Completion.IsCompletedSuccessfully);
        Assert.DoesNotContain(events.Events, e => e.Exception is not null);
    }

    [Fact]
    public async Task ShutdownCancelsAWarmUpInProgress()
    {
        var warmUp = new ServerWarmUp(LanguageServer.DefaultEngine(), new LoggerConfiguration().CreateLogger());
        using var cancellation = new CancellationTokenSource();

        var run = warmUp.StartAsync(new DockerLsp.Server.Protocol.ClientCapabilities(), cancellation.Token);
        while (warmUp.EditsPublished == 0 && !run.IsCompleted) await Task.Delay(1);
        await cancellation.CancelAsync();
        await run.WaitAsync(TestLspClient.Timeout);

        Assert.InRange(warmUp.EditsPublished, 1, ServerWarmUp.EditCount - 1);
    }

    [Fact]
    public async Task AnUncancelledWarmUpCompletesAndLogsNoFailure()
    {
        var events = new CollectingSink();
        var warmUp = new ServerWarmUp(LanguageServer.DefaultEngine(), new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Sink(events).CreateLogger());

        await warmUp.StartAsync(new DockerLsp.Server.Protocol.ClientCapabilities(), CancellationToken.None).WaitAsync(TestLspClient.Timeout);

        Assert.Equal(ServerWarmUp.EditCount, warmUp.EditsPublished);
        Assert.DoesNotContain(events.Events, e => e.Exception is not null);
        Assert.Contains(events.Events, e => e.RenderMessage().StartsWith("Warm-up: 48 edits published", StringComparison.Ordinal));
    }

    [Fact]
    public void TheEmbeddedSampleIsAValidDockerfileWithRunInstructionsToEdit()
    {
        var tree = SyntaxTree.Parse(ServerWarmUp.LoadSample());
        Assert.DoesNotContain(tree.GetDiagnostics(), d => d.Severity == Syntax.Diagnostics.DiagnosticSeverity.Error);
        Assert.True(tree.Root.Instructions.Count(i => i.Kind == SyntaxKind.RunInstruction) >= 3);
    }
}

/// <summary>A Serilog sink that keeps every event, for assertions on what was logged.</summary>
internal sealed class CollectingSink : Serilog.Core.ILogEventSink
{
    public System.Collections.Concurrent.ConcurrentQueue<Serilog.Events.LogEvent> Events { get; } = new();

    public void Emit(Serilog.Events.LogEvent logEvent) => Events.Enqueue(logEvent);
}
