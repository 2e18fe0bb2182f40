using DockerLsp.Features.Workspace;
using DockerLsp.Server.Protocol;

namespace DockerLsp.Server.Handlers.TextSync;

/// <summary>
/// <c>textDocument/didChange</c>: applies range changes (each located against the text left by the previous one, in the
/// negotiated encoding) or full-text changes, reparses incrementally and schedules diagnostics. Changes for a document
/// that is not open are ignored unless they carry the full text; stale versions are applied and logged.
/// </summary>
internal sealed class DidChangeHandler : NotificationHandler<DidChangeTextDocumentParams>
{
    public override string Method => "textDocument/didChange";
    public override bool MutatesWorkspace => true;

    public override void ContributeCapabilities(ServerCapabilities capabilities, ClientSession session) =>
        capabilities.TextDocumentSync = new TextDocumentSyncOptions(OpenClose: true, Change: 2);

    public override Task HandleAsync(DidChangeTextDocumentParams notification, RequestContext context, CancellationToken cancellationToken)
    {
        var encoding = context.Session.Encoding;
        var changes = (notification.ContentChanges ?? []).Select(change => new DocumentChange(
            change.Range is { } range ? text => ProtocolConversions.ToSpan(text, range, encoding) : null,
            change.Text ?? string.Empty)).ToArray();
        var uri = notification.TextDocument.Uri;
        var version = notification.TextDocument.Version ?? 0;
        var update = context.Services.Workspace.Change(uri, version, changes, cancellationToken);
        switch (update.Kind)
        {
            case DocumentUpdateKind.UnknownDocument:
                context.Services.Log.Warning("didChange for a document that is not open; ignored");
                return Task.CompletedTask;
            case DocumentUpdateKind.StaleVersion:
                context.Services.Log.Warning("didChange with version {Version}, not newer than the current one; applied anyway", version);
                break;
        }
        context.Services.Publisher.Schedule(update.Document!);
        return Task.CompletedTask;
    }
}
