using System.Text.Json;
using DockerLsp.Server.Protocol;
using StreamJsonRpc;

namespace DockerLsp.Server.Handlers.CodeActions;

/// <summary>
/// <c>workspace/executeCommand</c> for <c>dockerlsp.applyCodeAction</c>: the path for clients without code action
/// literals. Recomputes the action and asks the client to apply its edit with <c>workspace/applyEdit</c>; when the edit created or
/// changed other files (a <c>.dockerignore</c>), the build contexts containing them are refreshed.
/// </summary>
internal sealed class ExecuteCommandHandler : RequestHandler<ExecuteCommandParams, object?>
{
    public override string Method => "workspace/executeCommand";
    public override bool MutatesWorkspace => false;

    public override void ContributeCapabilities(ServerCapabilities capabilities, ClientSession session) =>
        capabilities.ExecuteCommandProvider = new ExecuteCommandOptions([CodeActionHandler.ApplyCommand]);

    public override async Task<object?> HandleAsync(ExecuteCommandParams request, RequestContext context, CancellationToken cancellationToken)
    {
        if (request.Command != CodeActionHandler.ApplyCommand || request.Arguments is not [var argument, ..])
        {
            throw new LocalRpcException($"Unknown command '{request.Command}'.") { ErrorCode = (int)StreamJsonRpc.Protocol.JsonRpcErrorCode.InvalidParams };
        }
        if (!LspJson.TryRead(argument, out CodeActionData? read, out var error))
        {
            throw new LocalRpcException($"Invalid params: {error}") { ErrorCode = LspConstants.ErrorInvalidParams };
        }
        var data = CodeActionEdits.Validate(read);
        var edit = CodeActionEdits.Compute(data, context, cancellationToken)
            ?? throw new LocalRpcException("The document changed since this code action was offered.") { ErrorCode = LspConstants.ErrorContentModified };
        var result = await context.Services.Client.RequestAsync<ApplyWorkspaceEditParams, ApplyWorkspaceEditResult>("workspace/applyEdit",
            new ApplyWorkspaceEditParams("DockerLsp code action", edit), cancellationToken).ConfigureAwait(false);
        if (result?.Applied != true)
        {
            context.Services.Log.Warning("The client did not apply the edit: {Reason}", result?.FailureReason ?? "no reason given");
            return null;
        }
        // A created .dockerignore changes the build context: refresh it (the file watcher may report it too, or not at all).
        Hosting.BuildContextRefresher.OnFilesChanged(context.Services, CodeActionEdits.OtherFiles(edit, data.Uri));
        return null;
    }
}
