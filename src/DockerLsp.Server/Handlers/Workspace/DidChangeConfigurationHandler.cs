using DockerLsp.Server.Hosting;
using DockerLsp.Server.Protocol;

namespace DockerLsp.Server.Handlers.Workspace;

/// <summary>
/// <c>workspace/didChangeConfiguration</c>: takes the <c>dockerlsp</c> section from the notification when present, otherwise
/// pulls it with <c>workspace/configuration</c>; the update is applied through the queue in the background.
/// </summary>
internal sealed class DidChangeConfigurationHandler : NotificationHandler<DidChangeConfigurationParams>
{
    public override string Method => "workspace/didChangeConfiguration";
    public override bool MutatesWorkspace => true;

    public override Task HandleAsync(DidChangeConfigurationParams notification, RequestContext context, CancellationToken cancellationToken)
    {
        var settings = notification.Settings?.Clone();
        context.Services.Configuration.RefreshAsync(settings, CancellationToken.None).Forget(context.Services.Log);
        return Task.CompletedTask;
    }
}
