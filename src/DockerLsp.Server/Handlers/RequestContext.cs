using DockerLsp.Features.Workspace;

namespace DockerLsp.Server.Handlers;

/// <summary>
/// What a handler gets besides its parameters: the snapshot the queue captured for it, the negotiated session and the
/// server's services. <see cref="GetDocument"/> tolerates unknown documents: an unopened <c>file:</c> URI is read from
/// disk into a transient document; anything else gives null.
/// </summary>
internal sealed class RequestContext(WorkspaceSnapshot snapshot, ClientSession session, LanguageServices services)
{
    public WorkspaceSnapshot Snapshot { get; } = snapshot;
    public ClientSession Session { get; } = session;
    public LanguageServices Services { get; } = services;

    public Document? GetDocument(string uri, CancellationToken cancellationToken) =>
        Snapshot.GetDocument(uri) ?? Services.Files.LoadUnopened(uri, cancellationToken);
}
