using DockerLsp.Features.Diagnostics;
using DockerLsp.Features.Images;
using DockerLsp.Server.Protocol;
using DockerLsp.Syntax.Text;
using StreamJsonRpc;
using LspCodeAction = DockerLsp.Server.Protocol.CodeAction;

namespace DockerLsp.Server.Handlers.CodeActions;

/// <summary>
/// Maps the registry-backed image actions of <see cref="ImagePinActionProvider"/> ("Pin to digest", "Update digest", "Pin all
/// images to digests") to LSP code actions, and resolves the lazy ones. An action whose digest is cached carries its (tiny) edit;
/// one whose digest is not known yet is offered only to clients that resolve <c>edit</c>, with <c>data</c>, and
/// <c>codeAction/resolve</c> waits for the registry within <c>dockerlsp.registry.timeoutSeconds</c>.
/// </summary>
internal static class ImagePinActions
{
    /// <summary>
    /// The image actions of <paramref name="range"/>; each finding they carry goes through <paramref name="convert"/>, the code
    /// action request's own per-request conversion, so a finding its other actions list too is converted once.
    /// </summary>
    public static IEnumerable<LspCodeAction> Create(DocumentAnalysis analysis, TextSpan range, ImageInfoCache cache, ClientSession session,
        Func<DocumentDiagnostic, Protocol.Diagnostic> convert, CancellationToken cancellationToken)
    {
        var document = analysis.Document;
        foreach (var action in ImagePinActionProvider.GetActions(analysis, range, cache, lazy: session.SupportsCodeActionResolveOfEdit, cancellationToken))
        {
            yield return new LspCodeAction
            {
                Title = action.Title,
                Kind = "quickfix",
                Diagnostics = action.Diagnostics.Count == 0 ? null : action.Diagnostics.Select(convert).ToArray(),
                IsPreferred = action.IsPreferred ? true : null,
                Edit = action.Changes is { } changes ? LspMapper.ToWorkspaceEdit(document, changes, session.Encoding, session.SupportsDocumentChanges) : null,
                Data = action.NeedsResolve ? new CodeActionData(document.Uri, document.Version, range.Start, range.Length, action.Key) : null,
            };
        }
    }

    /// <summary>
    /// The edit of a lazy image action: ContentModified (-32801) when the document changed since, RequestFailed (-32803) with the
    /// reason when the registry cannot answer in time.
    /// </summary>
    public static async Task<WorkspaceEdit> ResolveAsync(CodeActionData data, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(data.Uri, cancellationToken);
        if (document is null || document.Version != data.Version)
        {
            throw new LocalRpcException("The document changed since this code action was offered.") { ErrorCode = LspConstants.ErrorContentModified };
        }
        if (context.Services.Images is not { } images) throw new LocalRpcException("No image registry is configured.") { ErrorCode = LspConstants.ErrorRequestFailed };
        var registry = context.Snapshot.Settings.Registry;
        var resolution = await ImagePinActionProvider.ResolveAsync(document, data.Key, images.GetCache(registry),
            TimeSpan.FromSeconds(Math.Clamp(registry.TimeoutSeconds, 1, 120)), cancellationToken).ConfigureAwait(false);
        if (resolution.Changes is not { } changes)
        {
            throw new LocalRpcException($"Cannot pin to a digest: {resolution.FailureReason}") { ErrorCode = LspConstants.ErrorRequestFailed };
        }
        return LspMapper.ToWorkspaceEdit(document, changes, context.Session.Encoding, context.Session.SupportsDocumentChanges);
    }
}
