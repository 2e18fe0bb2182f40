using DockerLsp.Features.Workspace;
using DockerLsp.Server.Handlers;
using DockerLsp.Server.Queue;

namespace DockerLsp.Server.Hosting;

/// <summary>
/// Shows findings that waited for the registry (DF506) without another edit: when a lookup an analysis started has answered
/// (<see cref="Features.Images.StaleDigestAnalysisEngine.LookupAnswered"/>), the document is published again in push mode, or
/// the client is asked to pull again (<c>workspace/diagnostic/refresh</c>) in pull mode when it supports refresh. Why through
/// the queue: the republish reads the document's current version inside a mutation slot, so it is ordered with
/// <c>didChange</c> and can never replace a newer version's publish with an older one. The engine raises the event at most
/// once per document and lookup, and the analysis that follows has the answer and starts nothing, so there is no loop.
/// </summary>
internal sealed class RegistryLookupRefresher(LanguageServices services)
{
    private int _refreshQueued;

    public void OnLookupAnswered(Document analysed)
    {
        var session = services.Session;
        if (session.State != LifecycleState.Initialized) return;
        if (session.UsesPullDiagnostics)
        {
            if (session.SupportsDiagnosticRefresh) RequestRefresh();
            return;
        }
        services.Configuration.Queue?.Enqueue(new QueueItem<bool>("dockerlsp/registryLookupAnswered", mutatesWorkspace: true, (snapshot, _) =>
        {
            if (snapshot.GetDocument(analysed.Uri) is not { IsOpen: true } current) return Task.FromResult(false);
            services.Log.Debug("A registry lookup answered; publishing diagnostics of version {Version} again", current.Version);
            services.Publisher.Schedule(current);
            return Task.FromResult(true);
        }, CancellationToken.None));
    }

    /// <summary>One refresh for lookups that answer together (one refresh re-pulls every open document).</summary>
    private void RequestRefresh()
    {
        if (Interlocked.Exchange(ref _refreshQueued, 1) == 1) return;
        Task.Run(async () =>
        {
            await Task.Delay(50).ConfigureAwait(false);
            Volatile.Write(ref _refreshQueued, 0);
            services.Log.Debug("A registry lookup answered; asking the client to pull diagnostics again");
            await services.Client.RequestAsync<object?, object?>("workspace/diagnostic/refresh", null, CancellationToken.None).ConfigureAwait(false);
        }).Forget(services.Log);
    }
}
