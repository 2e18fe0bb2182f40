using DockerLsp.Server.Protocol;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Server.Handlers.CodeActions;

/// <summary>Recomputes a code action's workspace edit from its <see cref="CodeActionData"/>, on the same document version only.</summary>
internal static class CodeActionEdits
{
    public static WorkspaceEdit? Compute(CodeActionData data, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(data.Uri, cancellationToken);
        if (document is null || document.Version != data.Version) return null;
        var start = Math.Clamp(data.Start, 0, document.Text.Length);
        var range = new TextSpan(start, Math.Clamp(data.Length, 0, document.Text.Length - start));
        var analysis = context.Services.Diagnostics.GetAnalysis(document, context.Snapshot.Settings, cancellationToken);
        var action = context.Services.CodeActions.Resolve(analysis, range, data.Key, cancellationToken);
        if (action is null) return null;
        return LspMapper.ToWorkspaceEdit(document, action.ComputeChanges(cancellationToken), context.Session.Encoding, context.Session.SupportsDocumentChanges);
    }
}
