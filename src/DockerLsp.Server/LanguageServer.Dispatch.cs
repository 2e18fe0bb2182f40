using System.Diagnostics;
using DockerLsp.Server.Handlers;
using DockerLsp.Server.Protocol;
using DockerLsp.Server.Queue;
using StreamJsonRpc;

namespace DockerLsp.Server;

/// <summary>Lifecycle gating and queueing of incoming messages.</summary>
public sealed partial class LanguageServer
{
    internal Task<TResult> DispatchRequest<TParams, TResult>(RequestHandler<TParams, TResult> handler, TParams request, CancellationToken cancellationToken)
    {
        var state = _session.State;
        if (state == LifecycleState.Created && handler.Method != "initialize")
        {
            return Task.FromException<TResult>(new LocalRpcException("The server is not initialized yet.") { ErrorCode = LspConstants.ErrorServerNotInitialized });
        }
        if (state == LifecycleState.ShutDown)
        {
            return Task.FromException<TResult>(new LocalRpcException("The server is shutting down.") { ErrorCode = LspConstants.ErrorInvalidRequest });
        }
        if (state != LifecycleState.Created && handler.Method == "initialize")
        {
            return Task.FromException<TResult>(new LocalRpcException("The server is already initialized.") { ErrorCode = LspConstants.ErrorInvalidRequest });
        }
        var started = Stopwatch.GetTimestamp();
        var item = new QueueItem<TResult>(handler.Method, handler.MutatesWorkspace,
            (snapshot, token) => handler.HandleAsync(request, new RequestContext(snapshot, _session, _services), token), cancellationToken);
        _queue.Enqueue(item);
        _ = TraceAsync(handler.Method, item.Completion, started);
        return item.Completion;
    }

    internal Task DispatchNotification<TParams>(NotificationHandler<TParams> handler, TParams notification)
    {
        var state = _session.State;
        // Before initialize and after shutdown, notifications other than exit are dropped (LSP 3.17).
        if (state != LifecycleState.Initialized) return Task.CompletedTask;
        var item = new QueueItem<bool>(handler.Method, handler.MutatesWorkspace, async (snapshot, token) =>
        {
            await handler.HandleAsync(notification, new RequestContext(snapshot, _session, _services), token).ConfigureAwait(false);
            return true;
        }, CancellationToken.None);
        _queue.Enqueue(item);
        _ = TraceAsync(handler.Method, item.Completion, Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }

    /// <summary>A notification has no response to carry an error: the warning also reaches the client as <c>window/logMessage</c>.</summary>
    internal Task ReportUnreadableNotification(string method, string? error)
    {
        _log.Warning("{Method}: the parameters could not be read and the notification was ignored: {Error}", method, error);
        return Task.CompletedTask;
    }

    private async Task TraceAsync(string method, Task completion, long started)
    {
        try
        {
            await completion.ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or LocalRpcException)
        {
            // The outcome is reported to the client by the response itself.
        }
        // Read the level after the message ran: a $/setTrace queued just before must count.
        if (_session.Trace == "off") return;
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        await _services.Client.NotifyAsync("$/logTrace", new LogTraceParams($"Handled '{method}' in {elapsed:0.00} ms.", null)).ConfigureAwait(false);
    }
}
