using DockerLsp.Server.Protocol;
using StreamJsonRpc;
using LspCodeAction = DockerLsp.Server.Protocol.CodeAction;

namespace DockerLsp.Server.Handlers.CodeActions;

/// <summary>
/// <c>codeAction/resolve</c>: recomputes the action named by its data on the same document version and fills in the edit.
/// If the document changed since, the action is refused with ContentModified (-32801) rather than applied to other text.
/// </summary>
internal sealed class CodeActionResolveHandler : RequestHandler<LspCodeAction, LspCodeAction>
{
    public override string Method => "codeAction/resolve";
    public override bool MutatesWorkspace => false;

    public override Task<LspCodeAction> HandleAsync(LspCodeAction request, RequestContext context, CancellationToken cancellationToken)
    {
        if (request.Data is not { } data) return Task.FromResult(request);
        var edit = CodeActionEdits.Compute(data, context, cancellationToken)
            ?? throw new LocalRpcException("The document changed since this code action was offered.") { ErrorCode = LspConstants.ErrorContentModified };
        return Task.FromResult(request with { Edit = edit });
    }
}
