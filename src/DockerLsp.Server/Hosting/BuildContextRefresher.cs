using DockerLsp.Server.Handlers;
using DockerLsp.Server.Queue;

namespace DockerLsp.Server.Hosting;

/// <summary>
/// Reacts to files changing on disk (<c>workspace/didChangeWatchedFiles</c>, or a workspace edit the server had the client apply):
/// drops the build contexts that contain them (<see cref="FileSystemBuildContexts.Invalidate"/>) and, when one was dropped, shows the
/// open documents' diagnostics again. Why through the queue: the republish reads the current snapshot inside a mutation slot, ordered
/// with <c>didChange</c>. Analyses cached for the old context are outdated (<see cref="Features.Diagnostics.DocumentAnalysis.IsOutdated"/>),
/// so the next request computes them again with the new one; documents in other directories keep their context and their cache.
/// </summary>
internal static class BuildContextRefresher
{
    public static void OnFilesChanged(LanguageServices services, IReadOnlyCollection<string> paths)
    {
        if (paths.Count == 0 || !services.BuildContexts.Invalidate(paths)) return;
        services.Log.Debug("{Count} file(s) of a build context changed; refreshing diagnostics", paths.Count);
        services.Configuration.Queue?.Enqueue(new QueueItem<bool>("dockerlsp/buildContextChanged", mutatesWorkspace: true, (snapshot, _) =>
        {
            services.Publisher.RefreshAll(snapshot);
            return Task.FromResult(true);
        }, CancellationToken.None));
    }
}
