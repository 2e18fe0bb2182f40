using DockerLsp.Server.Protocol;
using StreamJsonRpc;
using LspCodeAction = DockerLsp.Server.Protocol.CodeAction;

namespace DockerLsp.Server.Handlers.CodeActions;

/// <summary>
/// <c>codeAction/resolve</c>: recomputes the action named by its data on the same document version and fills in the edit.
/// If the document changed since, the action is refused with ContentModified (-32801) rather than applied to other text.
/// Registry-backed image actions (<see cref="ImagePinActions"/>) wait for the registry within the configured timeout and fail
/// with RequestFailed (-32803) and the reason when it cannot answer.
/// </summary>
internal sealed class CodeActionResolveHandler : RequestHandler<LspCodeAction, LspCodeAction>
{
    public override string Method => "codeAction/resolve";
    public override bool MutatesWorkspace => false;

    public override async Task<LspCodeAction> HandleAsync(LspCodeAction request, RequestContext context, CancellationToken cancellationToken)
    {
        if (request.Data is null) return request;
        var data = CodeActionEdits.Validate(request.Data);
        if (Features.Images.ImagePinActionProvider.IsImageActionKey(data.Key))
        {
            return request with { Edit = await ImagePinActions.ResolveAsync(data, context, cancellationToken).ConfigureAwait(false) };
        }
        var edit = CodeActionEdits.Compute(data, context, cancellationToken)
            ?? throw new LocalRpcException("The document changed since this code action was offered.") { ErrorCode = LspConstants.ErrorContentModified };
        return request with { Edit = edit };
    }
}
