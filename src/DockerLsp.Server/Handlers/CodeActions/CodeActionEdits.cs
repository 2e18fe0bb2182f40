using DockerLsp.Server.Hosting;
using DockerLsp.Server.Protocol;
using DockerLsp.Syntax.Text;
using StreamJsonRpc;

namespace DockerLsp.Server.Handlers.CodeActions;

/// <summary>
/// Recomputes a code action's workspace edit from its <see cref="CodeActionData"/>, on the same document version only; edits to
/// other files (a new <c>.dockerignore</c>) go through <see cref="FileChangeEdits"/>.
/// </summary>
internal static class CodeActionEdits
{
    /// <summary>The data of a code action sent back by the client, refused as invalid params (-32602) when incomplete.</summary>
    public static CodeActionData Validate(CodeActionData? data) =>
        data is { Uri: not null, Key: not null }
            ? data
            : throw new LocalRpcException("Invalid params: the code action's data lacks its document or key.") { ErrorCode = LspConstants.ErrorInvalidParams };

    public static WorkspaceEdit? Compute(CodeActionData data, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(data.Uri, cancellationToken);
        if (document is null || document.Version != data.Version) return null;
        var start = Math.Clamp(data.Start, 0, document.Text.Length);
        var range = new TextSpan(start, Math.Clamp(data.Length, 0, document.Text.Length - start));
        var analysis = context.Services.Diagnostics.GetAnalysis(document, context.Snapshot.Settings, cancellationToken);
        var action = context.Services.CodeActions.Resolve(analysis, range, data.Key, cancellationToken, context.Session.SupportsCreateFiles);
        return action is null ? null : ToWorkspaceEdit(document, action, context, cancellationToken);
    }

    /// <summary>The edit of <paramref name="action"/>, or null when its file changes cannot be expressed for this client.</summary>
    public static WorkspaceEdit? ToWorkspaceEdit(Features.Workspace.Document document, Features.CodeActions.CodeActionItem action, RequestContext context, CancellationToken cancellationToken) =>
        FileChangeEdits.ToWorkspaceEdit(document, action.ComputeChanges(cancellationToken), action.ComputeFileChanges?.Invoke(cancellationToken), context);

    /// <summary>The local paths of the files other than <paramref name="documentUri"/> that <paramref name="edit"/> creates or changes.</summary>
    public static IReadOnlyCollection<string> OtherFiles(WorkspaceEdit edit, string documentUri) =>
        (edit.DocumentChanges ?? []).Select(operation => operation switch
            {
                CreateFile create => create.Uri,
                TextDocumentEdit text => text.TextDocument.Uri,
                _ => null,
            })
            .Where(uri => uri is not null && uri != documentUri).Select(uri => DocumentFiles.ToPath(uri!)).OfType<string>().Distinct().ToArray();
}
