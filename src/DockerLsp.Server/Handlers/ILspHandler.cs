using DockerLsp.Server.Protocol;

namespace DockerLsp.Server.Handlers;

/// <summary>
/// One LSP method. A handler is thin: it takes the snapshot from the <see cref="RequestContext"/>, calls one Features
/// service and converts with <see cref="ProtocolConversions"/>. <see cref="MutatesWorkspace"/> decides how the queue runs
/// it. <see cref="ContributeCapabilities"/> is how the server's advertised capabilities are derived from the registered
/// handlers: a handler advertises exactly what it implements.
/// </summary>
internal interface ILspHandler
{
    string Method { get; }
    bool MutatesWorkspace { get; }

    /// <summary>False for notifications.</summary>
    bool IsRequest { get; }

    /// <summary>Adds this handler's part of the server capabilities for the negotiated session.</summary>
    void ContributeCapabilities(ServerCapabilities capabilities, ClientSession session);
}

/// <summary>A request handler: parameters in, result out.</summary>
internal abstract class RequestHandler<TParams, TResult> : ILspHandler
{
    public abstract string Method { get; }
    public abstract bool MutatesWorkspace { get; }
    public bool IsRequest => true;

    public virtual void ContributeCapabilities(ServerCapabilities capabilities, ClientSession session) { }

    public abstract Task<TResult> HandleAsync(TParams request, RequestContext context, CancellationToken cancellationToken);
}

/// <summary>A notification handler: parameters in, nothing out.</summary>
internal abstract class NotificationHandler<TParams> : ILspHandler
{
    public abstract string Method { get; }
    public abstract bool MutatesWorkspace { get; }
    public bool IsRequest => false;

    public virtual void ContributeCapabilities(ServerCapabilities capabilities, ClientSession session) { }

    public abstract Task HandleAsync(TParams notification, RequestContext context, CancellationToken cancellationToken);
}
