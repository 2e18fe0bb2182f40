using System.Diagnostics;
using System.Threading.Channels;
using DockerLsp.Features.Workspace;
using Serilog;

namespace DockerLsp.Server.Queue;

/// <summary>
/// Orders work the way CLaSP does. Items enter in arrival order through an unbounded channel read by one loop.
/// A mutating item (document sync, configuration, lifecycle) runs alone: the loop awaits it before taking the next item,
/// so mutations apply strictly in order and no snapshot is captured halfway through one. A non-mutating item captures the
/// current immutable <see cref="WorkspaceSnapshot"/> inside the loop — it therefore sees every mutation that arrived
/// before it — and then runs concurrently on the thread pool. Reads never wait for each other, and a mutation does not
/// wait for reads started before it, because those hold their own snapshot. Every item's token is linked to the queue's
/// shutdown token. With an <see cref="Hosting.IdleCollector"/>, every item is counted in when enqueued and out when it has
/// run or been abandoned.
/// </summary>
internal sealed class RequestQueue : IAsyncDisposable
{
    private readonly Channel<IQueueItem> _channel = Channel.CreateUnbounded<IQueueItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly DocumentWorkspace _workspace;
    private readonly ILogger _log;
    private readonly CancellationTokenSource _shutdown = new();
    private readonly Task _loop;

    private readonly Hosting.IdleCollector? _idle;

    public RequestQueue(DocumentWorkspace workspace, ILogger log, Hosting.IdleCollector? idle = null)
    {
        _workspace = workspace;
        _log = log;
        _idle = idle;
        _loop = Task.Run(ProcessAsync);
    }

    public CancellationToken ShutdownToken => _shutdown.Token;

    /// <summary>Adds an item; synchronous so that the caller's arrival order is the execution order.</summary>
    public void Enqueue(IQueueItem item)
    {
        _idle?.WorkStarted();
        if (_channel.Writer.TryWrite(item)) return;
        item.Abandon();
        _idle?.WorkEnded();
    }

    private async Task ProcessAsync()
    {
        var reader = _channel.Reader;
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (reader.TryRead(out var item))
            {
                if (_shutdown.IsCancellationRequested)
                {
                    item.Abandon();
                    _idle?.WorkEnded();
                    continue;
                }
                if (item.MutatesWorkspace)
                {
                    await RunAsync(item, _workspace.CurrentSnapshot).ConfigureAwait(false);
                }
                else
                {
                    var snapshot = _workspace.CurrentSnapshot;
                    _ = Task.Run(() => RunAsync(item, snapshot));
                }
            }
        }
    }

    private async Task RunAsync(IQueueItem item, WorkspaceSnapshot snapshot)
    {
        var stopwatch = Stopwatch.StartNew();
        try
        {
            await item.RunAsync(snapshot, _shutdown.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Items report their own failures to the client; this only guards the loop.
            _log.Error(exception, "Queue item {Method} failed", item.Method);
        }
        finally
        {
            var elapsed = stopwatch.Elapsed.TotalMilliseconds;
            if (elapsed > 100) _log.Information("{Method} took {Elapsed:0.0} ms", item.Method, elapsed);
            else _log.Debug("{Method} took {Elapsed:0.00} ms", item.Method, elapsed);
            _idle?.WorkEnded();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _shutdown.CancelAsync().ConfigureAwait(false);
        _channel.Writer.TryComplete();
        await _loop.ConfigureAwait(false);
        _shutdown.Dispose();
    }
}

/// <summary>One unit of queued work: a request, a notification, or internal work such as applying fetched settings.</summary>
internal interface IQueueItem
{
    string Method { get; }
    bool MutatesWorkspace { get; }

    /// <summary>Runs the item against <paramref name="snapshot"/>; completes the caller's task itself (result, error or cancellation).</summary>
    Task RunAsync(WorkspaceSnapshot snapshot, CancellationToken shutdownToken);

    /// <summary>Completes the caller's task as cancelled without running (the queue is shutting down).</summary>
    void Abandon();
}
