using DockerLsp.Server.Hosting;
using DockerLsp.Server.Protocol;

namespace DockerLsp.Server.Handlers.Workspace;

/// <summary>
/// <c>workspace/didChangeWatchedFiles</c>: when <c>.editorconfig</c> or <c>.hadolint.yaml</c> changed, re-reads the configuration and
/// re-applies it; every changed file also refreshes the build contexts that contain it (<see cref="BuildContextRefresher"/>).
/// </summary>
internal sealed class DidChangeWatchedFilesHandler : NotificationHandler<DidChangeWatchedFilesParams>
{
    public override string Method => "workspace/didChangeWatchedFiles";
    public override bool MutatesWorkspace => true;

    public override Task HandleAsync(DidChangeWatchedFilesParams notification, RequestContext context, CancellationToken cancellationToken)
    {
        var paths = (notification.Changes ?? []).Select(change => DocumentFiles.ToPath(change.Uri)).OfType<string>().ToArray();
        var relevant = paths.Any(path => ConfigurationManager.ConfigurationFileNames.Contains(Path.GetFileName(path)));
        if (relevant) context.Services.Configuration.RefreshAsync(null, CancellationToken.None).Forget(context.Services.Log);
        BuildContextRefresher.OnFilesChanged(context.Services, paths);
        return Task.CompletedTask;
    }
}
