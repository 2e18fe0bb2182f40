using DockerLsp.Features.Workspace;
using StreamJsonRpc;

namespace DockerLsp.Server.Queue;

/// <summary>
/// A queued call of a delegate with a result: the request's cancellation token (from <c>$/cancelRequest</c>) is linked to
/// the shutdown token; cancellation surfaces as <see cref="OperationCanceledException"/>, which StreamJsonRpc answers with
/// -32800; any other exception becomes an internal error (-32603) with the message only (no stack trace to the client).
/// </summary>
internal sealed class QueueItem<TResult>(string method, bool mutatesWorkspace, Func<WorkspaceSnapshot, CancellationToken, Task<TResult>> run, CancellationToken requestToken) : IQueueItem
{
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string Method { get; } = method;
    public bool MutatesWorkspace { get; } = mutatesWorkspace;
    public Task<TResult> Completion => _completion.Task;

    public async Task RunAsync(WorkspaceSnapshot snapshot, CancellationToken shutdownToken)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(requestToken, shutdownToken);
        try
        {
            linked.Token.ThrowIfCancellationRequested();
            _completion.TrySetResult(await run(snapshot, linked.Token).ConfigureAwait(false));
        }
        catch (OperationCanceledException exception)
        {
            _completion.TrySetCanceled(exception.CancellationToken);
        }
        catch (LocalRpcException exception)
        {
            _completion.TrySetException(exception);
        }
        catch (Exception exception)
        {
            _completion.TrySetException(new LocalRpcException($"{Method} failed: {exception.Message}", exception) { ErrorCode = (int)StreamJsonRpc.Protocol.JsonRpcErrorCode.InternalError });
            throw;
        }
    }

    public void Abandon() => _completion.TrySetCanceled();
}
