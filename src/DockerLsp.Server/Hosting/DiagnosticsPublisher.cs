using System.Collections.Concurrent;
using DockerLsp.Features.Workspace;
using DockerLsp.Server.Handlers;
using DockerLsp.Server.Protocol;

namespace DockerLsp.Server.Hosting;

/// <summary>
/// Push diagnostics for clients without pull support. Each document has at most one analysis in flight: scheduling a newer
/// version cancels the older one, so stale work never delays fresh results. Publishes for one document are sent under a
/// lock and only when the analysed version is still the newest scheduled, so a client never sees an older version's
/// diagnostics after a newer one's. Shutting the queue down cancels every analysis in flight. In pull mode nothing is
/// pushed (no duplicate reporting). Each scheduled analysis counts as work for the <see cref="IdleCollector"/>, if any,
/// until it has published or been cancelled.
/// </summary>
internal sealed class DiagnosticsPublisher(LanguageServices services)
{
    private readonly ConcurrentDictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _firstPublish = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>True while an analysis is scheduled or running (background work such as the warm-up waits for it).</summary>
    public bool IsBusy => !_pending.IsEmpty;

    /// <summary>Completes when the first diagnostics of a document have been sent (never, in pull mode).</summary>
    public Task FirstPublish => _firstPublish.Task;

    /// <summary>When the first diagnostics were sent (<see cref="System.Diagnostics.Stopwatch"/> ticks; 0 before), for tests.</summary>
    internal long FirstPublishedAt { get; private set; }

    /// <summary>Called with each scheduled analysis's token source (tests check that finished analyses are released); null in the server.</summary>
    internal Action<CancellationTokenSource>? Scheduled { get; set; }

    private sealed record Pending(Document Document, CancellationTokenSource Cancellation, CancellationTokenRegistration ShutdownRegistration)
    {
        /// <summary>When the analysis was scheduled (Stopwatch ticks), for the debug log's "waited" figure.</summary>
        public long ScheduledAt { get; } = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    /// <summary>Starts analysing <paramref name="document"/> in the background and publishes the result.</summary>
    public void Schedule(Document document)
    {
        if (services.Session.UsesPullDiagnostics) return;
        // Cancelled with the queue's shutdown token too: a disposed server must not keep analysing in the background. Not a
        // linked token source: one that is never disposed stays registered on the shutdown token (≈ 150 bytes per keystroke for
        // the life of the server), and disposing it would race with a newer Schedule cancelling it. The registration is
        // released when the analysis ends.
        var shutdown = services.Configuration.Queue?.ShutdownToken ?? CancellationToken.None;
        var cancellation = new CancellationTokenSource();
        var registration = shutdown.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), cancellation);
        var pending = new Pending(document, cancellation, registration);
        Scheduled?.Invoke(cancellation);
        _pending.AddOrUpdate(document.Uri, pending, (_, old) =>
        {
            old.Cancellation.Cancel();
            return pending;
        });
        var settings = services.Workspace.CurrentSnapshot.Settings;
        services.Idle?.WorkStarted();
        _ = Task.Run(() => PublishAsync(pending, settings));
    }

    /// <summary>Re-publishes every open document (after a settings change).</summary>
    public void ScheduleAll(WorkspaceSnapshot snapshot)
    {
        foreach (var document in snapshot.Documents.Values) Schedule(document);
    }

    /// <summary>
    /// Shows every open document's diagnostics again after something besides its text changed (settings, the files of a build
    /// context): publishes them again (push) or asks the client to pull again when it supports refresh (pull).
    /// </summary>
    public void RefreshAll(WorkspaceSnapshot snapshot)
    {
        ScheduleAll(snapshot);
        if (services.Session.UsesPullDiagnostics && services.Session.SupportsDiagnosticRefresh)
        {
            services.Client.RequestAsync<object?, object?>("workspace/diagnostic/refresh", null, CancellationToken.None).Forget(services.Log);
        }
    }

    /// <summary>Clears a closed document's diagnostics in the editor.</summary>
    public async Task ClearAsync(string uri)
    {
        if (_pending.TryRemove(uri, out var old)) await old.Cancellation.CancelAsync().ConfigureAwait(false);
        if (services.Session.UsesPullDiagnostics) return;
        await SendAsync(new PublishDiagnosticsParams(uri, null, [])).ConfigureAwait(false);
    }

    private async Task PublishAsync(Pending pending, Features.Settings.LanguageServerSettings settings)
    {
        var token = pending.Cancellation.Token;
        try
        {
            var document = pending.Document;
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var analysis = services.Diagnostics.GetAnalysis(document, settings, token);
            var analysed = System.Diagnostics.Stopwatch.GetTimestamp();
            var session = services.Session;
            var items = analysis.Diagnostics.Select(d => LspMapper.ToDiagnostic(document, d, session.Encoding, session.SupportsRelatedInformation)).ToArray();
            token.ThrowIfCancellationRequested();
            if (services.Log.IsEnabled(Serilog.Events.LogEventLevel.Debug))
            {
                var lastGc = GC.GetGCMemoryInfo(GCKind.Any);
                services.Log.Debug("Diagnostics of version {Version}: waited {WaitMs:F2} ms, {Count} found in {AnalysisMs:F2} ms, converted in {ConversionMs:F2} ms (GC so far: {Collections} collections, {Gen2} gen2, {PauseMs:F1} ms paused; last: #{LastIndex} gen{LastGeneration} {LastPauseMs:F2} ms, promoted {LastPromotedKiB} KiB{LastCompacted}; heap {HeapMiB} MiB)",
                    document.Version, System.Diagnostics.Stopwatch.GetElapsedTime(pending.ScheduledAt, started).TotalMilliseconds,
                    items.Length, System.Diagnostics.Stopwatch.GetElapsedTime(started, analysed).TotalMilliseconds,
                    System.Diagnostics.Stopwatch.GetElapsedTime(analysed).TotalMilliseconds,
                    GC.CollectionCount(0), GC.CollectionCount(2),
                    GC.GetTotalPauseDuration().TotalMilliseconds, lastGc.Index, lastGc.Generation, lastGc.PauseDurations[0].TotalMilliseconds,
                    lastGc.PromotedBytes >> 10, lastGc.Compacted ? ", compacted" : "", GC.GetTotalMemory(false) >> 20);
            }
            await _sendLock.WaitAsync(token).ConfigureAwait(false);
            try
            {
                if (!_pending.TryGetValue(document.Uri, out var current) || !ReferenceEquals(current, pending)) return;
                var sending = System.Diagnostics.Stopwatch.GetTimestamp();
                await services.Client.NotifyAsync("textDocument/publishDiagnostics", new PublishDiagnosticsParams(document.Uri, document.IsOpen ? document.Version : null, items)).ConfigureAwait(false);
                services.Log.Debug("Diagnostics of version {Version} sent in {SendMs:F2} ms", document.Version, System.Diagnostics.Stopwatch.GetElapsedTime(sending).TotalMilliseconds);
                if (!_firstPublish.Task.IsCompleted) FirstPublishedAt = System.Diagnostics.Stopwatch.GetTimestamp();
                _firstPublish.TrySetResult();
            }
            finally
            {
                _sendLock.Release();
            }
        }
        catch (OperationCanceledException)
        {
            // A newer version superseded this one.
        }
        catch (Exception exception)
        {
            services.Log.Error(exception, "Computing diagnostics failed for a document");
        }
        finally
        {
            // The token source is not disposed: a concurrent Schedule may still cancel it, and it holds no timer.
            _pending.TryRemove(new KeyValuePair<string, Pending>(pending.Document.Uri, pending));
            pending.ShutdownRegistration.Dispose();
            services.Idle?.WorkEnded();
        }
    }

    private async Task SendAsync(PublishDiagnosticsParams parameters)
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await services.Client.NotifyAsync("textDocument/publishDiagnostics", parameters).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
