using DockerLsp.Server.Protocol;

namespace DockerLsp.Server.Handlers.Lifecycle;

/// <summary><c>$/setTrace</c>: remembers the trace level; at <c>messages</c> or <c>verbose</c> the server sends <c>$/logTrace</c> per handled message.</summary>
internal sealed class SetTraceHandler : NotificationHandler<SetTraceParams>
{
    public override string Method => "$/setTrace";
    public override bool MutatesWorkspace => true;

    public override Task HandleAsync(SetTraceParams notification, RequestContext context, CancellationToken cancellationToken)
    {
        context.Session.Trace = notification.Value is "messages" or "verbose" ? notification.Value : "off";
        return Task.CompletedTask;
    }
}
