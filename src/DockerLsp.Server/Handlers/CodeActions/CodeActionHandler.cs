using System.Text.Json;
using DockerLsp.Features.CodeActions;
using DockerLsp.Server.Protocol;
using LspCodeAction = DockerLsp.Server.Protocol.CodeAction;

namespace DockerLsp.Server.Handlers.CodeActions;

/// <summary>
/// <c>textDocument/codeAction</c>: quick fixes, fix-all, suppressions, refactorings and <c>source.fixAll.dockerlsp</c>.
/// Clients that can resolve edits get actions without <c>edit</c> (computed on <c>codeAction/resolve</c>), except the
/// preferred quick fix of a narrow request, whose small edit is inlined so that "apply the preferred fix" needs no round trip; other clients
/// get every edit inline. Clients without code action literals get Commands that apply the same edit via <c>workspace/applyEdit</c>.
/// </summary>
internal sealed class CodeActionHandler : RequestHandler<CodeActionParams, IReadOnlyList<object>>
{
    public const string ApplyCommand = "dockerlsp.applyCodeAction";

    /// <summary>Preferred edits are inlined only when a request yields at most this many preferred fixes.</summary>
    public const int MaxInlinedPreferredEdits = 3;

    public override string Method => "textDocument/codeAction";
    public override bool MutatesWorkspace => false;

    public override void ContributeCapabilities(ServerCapabilities capabilities, ClientSession session) =>
        capabilities.CodeActionProvider = new CodeActionOptions(["quickfix", "refactor.rewrite", "source.fixAll", "source.fixAll.dockerlsp"], ResolveProvider: true);

    public override Task<IReadOnlyList<object>> HandleAsync(CodeActionParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(request.TextDocument.Uri, cancellationToken);
        if (document is null) return Task.FromResult<IReadOnlyList<object>>([]);
        var session = context.Session;
        var range = ProtocolConversions.ToSpan(document.Text, request.Range, session.Encoding);
        var analysis = context.Services.Diagnostics.GetAnalysis(document, context.Snapshot.Settings, cancellationToken);
        // Fixes that create or edit other files (DF306's .dockerignore) are offered only to clients that can create files.
        var actions = context.Services.CodeActions.GetActions(analysis, range, LspMapper.ToCategories(request.Context?.Only), cancellationToken, session.SupportsCreateFiles);
        // Inlining the preferred fix saves a round trip at the cursor; for a whole-file request it would compute hundreds of edits nobody applies.
        var inlinePreferred = actions.Count(a => a.IsPreferred) <= MaxInlinedPreferredEdits;
        var result = new List<object>(actions.Count);
        // A diagnostic appears in several actions (its fix, its fix-all, two suppressions): convert it once per request; the
        // protocol objects are immutable once built and serialize the same wherever they appear.
        var converted = new Dictionary<Features.Diagnostics.DocumentDiagnostic, Protocol.Diagnostic>(ReferenceEqualityComparer.Instance);
        Protocol.Diagnostic Convert(Features.Diagnostics.DocumentDiagnostic diagnostic)
        {
            if (!converted.TryGetValue(diagnostic, out var lsp)) converted[diagnostic] = lsp = LspMapper.ToDiagnostic(document, diagnostic, session.Encoding);
            return lsp;
        }
        foreach (var action in actions)
        {
            var data = new CodeActionData(document.Uri, document.Version, range.Start, range.Length, action.Key);
            if (!session.SupportsCodeActionLiterals)
            {
                result.Add(new Command(action.Title, ApplyCommand, [JsonSerializer.SerializeToElement(data, LspJsonContext.Default.CodeActionData)]));
                continue;
            }
            WorkspaceEdit? edit = null;
            if (!session.SupportsCodeActionResolveOfEdit || (action.IsPreferred && inlinePreferred))
            {
                edit = CodeActionEdits.ToWorkspaceEdit(document, action, context, cancellationToken);
                if (edit is null) continue;
            }
            result.Add(new LspCodeAction
            {
                Title = action.Title,
                Kind = LspMapper.ToKind(action.Kind),
                Diagnostics = action.Diagnostics.Count == 0 ? null : action.Diagnostics.Select(Convert).ToArray(),
                IsPreferred = action.IsPreferred ? true : null,
                Edit = edit,
                Data = data,
            });
        }
        // Registry-backed pin actions never wait for the network: cached digests come with the edit, unknown ones are resolved
        // later (clients that resolve edits) or offered on the next request; literal-capable clients only.
        var only = request.Context?.Only;
        if (session.SupportsCodeActionLiterals && context.Services.Images is { } images && (only is not { Count: > 0 } || only.Contains("quickfix")))
        {
            result.AddRange(ImagePinActions.Create(analysis, range, images.GetCache(context.Snapshot.Settings.Registry), session, Convert, cancellationToken));
        }
        return Task.FromResult<IReadOnlyList<object>>(result);
    }
}
