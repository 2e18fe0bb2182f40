using DockerLsp.Server.Handlers;
using DockerLsp.Server.Hosting;
using DockerLsp.Server.Protocol;
using DockerLsp.Server.Tests.Infrastructure;
using DockerLsp.Syntax;
using Moq;
using Serilog;

namespace DockerLsp.Server.Tests;

/// <summary>
/// The warm-up after <c>initialized</c> (<see cref="AnalysisWarmUp"/>): it really runs the keystroke path with the rules on its
/// embedded sample, it is invisible to the client and the workspace, it stops at shutdown, and hosts can turn it off.
/// </summary>
public sealed class WarmUpTests
{
    [Fact]
    public async Task TheWarmUpAnalysesItsSampleWithoutPublishingOrOpeningIt()
    {
        await using var client = await TestLspClient.StartInitializedAsync(Capabilities.Push(), new LanguageServerOptions { WarmUp = true });
        var warmUp = client.Server.WarmUp;
        Assert.NotNull(warmUp);
        await warmUp.Completion.WaitAsync(TestLspClient.Timeout);

        Assert.Equal(AnalysisWarmUp.EditCount, warmUp.EditsAnalysed);
        // The sample has findings (MAINTAINER, a relative WORKDIR, a lowercase instruction...): the rules ran, not only the parser.
        Assert.True(warmUp.LastFindingCount >= 3, $"expected the rules' findings on the sample, got {warmUp.LastFindingCount}");
        Assert.Empty(client.Server.CurrentSnapshot.Documents);
        Assert.DoesNotContain(client.Notifications, n => (string?)n["method"] == "textDocument/publishDiagnostics");

        // The real document is served as usual afterwards.
        await client.NotifyAsync("textDocument/didOpen", Lsp.DidOpen(DiagnosticsTests.Text, version: 3));
        var publish = await client.WaitForNotificationAsync("textDocument/publishDiagnostics");
        Assert.Equal(Lsp.Uri, (string?)publish["params"]!["uri"]);
        Assert.Equal(3, (int?)publish["params"]!["version"]);
        Assert.Contains(publish["params"]!["diagnostics"]!.AsArray(), d => (string?)d!["code"] == "DF101");
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
        var services = new LanguageServices(LanguageServer.DefaultEngine(), Mock.Of<ILanguageClient>(), new LoggerConfiguration().WriteTo.Sink(events).CreateLogger());
        var warmUp = new AnalysisWarmUp(services, LspJson.Options);
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await warmUp.StartAsync(new ClientSession(), cancellation.Token).WaitAsync(TestLspClient.Timeout);

        Assert.Equal(0, warmUp.EditsAnalysed);
        Assert.True(warmUp.Completion.IsCompletedSuccessfully);

        Assert.DoesNotContain(events.Events, e => e.Level >= Serilog.Events.LogEventLevel.Warning);
    }

    [Fact]
    public async Task ShutdownCancelsAWarmUpInProgress()
    {
        var services = new LanguageServices(LanguageServer.DefaultEngine(), Mock.Of<ILanguageClient>(), new LoggerConfiguration().CreateLogger());
        var warmUp = new AnalysisWarmUp(services, LspJson.Options);
        using var cancellation = new CancellationTokenSource();

        var run = warmUp.StartAsync(new ClientSession(), cancellation.Token);
        while (warmUp.EditsAnalysed == 0 && !run.IsCompleted) await Task.Delay(1);
        await cancellation.CancelAsync();
        await run.WaitAsync(TestLspClient.Timeout);

        Assert.InRange(warmUp.EditsAnalysed, 1, AnalysisWarmUp.EditCount - 1);
    }

    [Fact]
    public void TheEmbeddedSampleIsAValidDockerfileWithRunInstructionsToEdit()
    {
        var tree = SyntaxTree.Parse(AnalysisWarmUp.LoadSample());
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
