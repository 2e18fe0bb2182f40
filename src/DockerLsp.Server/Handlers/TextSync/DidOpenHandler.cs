using DockerLsp.Server.Protocol;

namespace DockerLsp.Server.Handlers.TextSync;

/// <summary><c>textDocument/didOpen</c>: parses the document into the workspace and schedules its diagnostics.</summary>
internal sealed class DidOpenHandler : NotificationHandler<DidOpenTextDocumentParams>
{
    public override string Method => "textDocument/didOpen";
    public override bool MutatesWorkspace => true;

    public override void ContributeCapabilities(ServerCapabilities capabilities, ClientSession session) =>
        capabilities.TextDocumentSync = new TextDocumentSyncOptions(OpenClose: true, Change: 2);

    public override Task HandleAsync(DidOpenTextDocumentParams notification, RequestContext context, CancellationToken cancellationToken)
    {
        var item = notification.TextDocument;
        var update = context.Services.Workspace.Open(item.Uri, item.Version, item.Text ?? string.Empty, cancellationToken);
        context.Services.Publisher.Schedule(update.Document!);
        return Task.CompletedTask;
    }
}
