using DockerLsp.Server.Hosting;
using DockerLsp.Server.Protocol;

namespace DockerLsp.Server.Handlers.Workspace;

/// <summary><c>workspace/didChangeWatchedFiles</c>: when <c>.editorconfig</c> or <c>.hadolint.yaml</c> changed, re-reads the configuration and re-applies it.</summary>
internal sealed class DidChangeWatchedFilesHandler : NotificationHandler<DidChangeWatchedFilesParams>
{
    public override string Method => "workspace/didChangeWatchedFiles";
    public override bool MutatesWorkspace => true;

    public override Task HandleAsync(DidChangeWatchedFilesParams notification, RequestContext context, CancellationToken cancellationToken)
    {
        var relevant = (notification.Changes ?? []).Any(change =>
            ConfigurationManager.ConfigurationFileNames.Contains(Path.GetFileName(DocumentFiles.ToPath(change.Uri) ?? change.Uri)));
        if (relevant) context.Services.Configuration.RefreshAsync(null, CancellationToken.None).Forget(context.Services.Log);
        return Task.CompletedTask;
    }
}
