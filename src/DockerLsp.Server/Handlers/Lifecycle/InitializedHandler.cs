using DockerLsp.Server.Hosting;
using DockerLsp.Server.Protocol;

namespace DockerLsp.Server.Handlers.Lifecycle;

/// <summary>
/// <c>initialized</c>: the client is ready for server requests. Starts the first configuration pull and, when the client
/// allows dynamic registration, registers file watchers for <c>.editorconfig</c>, <c>.hadolint.yaml</c> and the build-context files
/// the rules read (<see cref="FileSystemBuildContexts.WatchedGlobs"/>: ignore files, dependency manifests), and starts the
/// warm-up (<see cref="ServerWarmUp"/>) when the host asked for it. All run in the background: a round trip to the client
/// must not hold the queue.
/// </summary>
internal sealed class InitializedHandler : NotificationHandler<object?>
{
    public override string Method => "initialized";
    public override bool MutatesWorkspace => true;

    public override Task HandleAsync(object? notification, RequestContext context, CancellationToken cancellationToken)
    {
        var services = context.Services;
        services.Configuration.RefreshAsync(null, CancellationToken.None).Forget(services.Log);
        if (context.Session.SupportsWatchedFilesRegistration)
        {
            var watchers = ConfigurationManager.ConfigurationFileNames.Select(name => "**/" + name).Concat(FileSystemBuildContexts.WatchedGlobs)
                .Select(glob => new Protocol.FileSystemWatcher(glob, null)).ToArray();
            var registration = new Registration("dockerlsp-watched-files", "workspace/didChangeWatchedFiles", new DidChangeWatchedFilesRegistrationOptions(watchers));
            services.Client.RequestAsync<RegistrationParams, object?>("client/registerCapability", new RegistrationParams([registration]), CancellationToken.None).Forget(services.Log);
        }
        services.WarmUp?.StartAsync(context.Session.Capabilities, services.Configuration.Queue?.ShutdownToken ?? CancellationToken.None).Forget(services.Log);
        return Task.CompletedTask;
    }
}
