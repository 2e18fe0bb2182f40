using DockerLsp.Server.Protocol;

namespace DockerLsp.Server.Handlers.TextSync;

/// <summary><c>textDocument/didClose</c>: drops the document and clears its pushed diagnostics.</summary>
internal sealed class DidCloseHandler : NotificationHandler<DidCloseTextDocumentParams>
{
    public override string Method => "textDocument/didClose";
    public override bool MutatesWorkspace => true;

    public override void ContributeCapabilities(ServerCapabilities capabilities, ClientSession session) =>
        capabilities.TextDocumentSync = new TextDocumentSyncOptions(OpenClose: true, Change: 2);

    public override async Task HandleAsync(DidCloseTextDocumentParams notification, RequestContext context, CancellationToken cancellationToken)
    {
        var uri = notification.TextDocument.Uri;
        context.Services.Workspace.Close(uri);
        await context.Services.Publisher.ClearAsync(uri).ConfigureAwait(false);
    }
}
