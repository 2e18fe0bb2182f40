using DockerLsp.Features.Diagnostics;
using DockerLsp.Server.Protocol;

namespace DockerLsp.Server.Handlers.Diagnostics;

/// <summary>
/// <c>textDocument/diagnostic</c> (pull): a full report with a result ID, or "unchanged" when the client's previous result
/// ID still describes what it would show. Advertised only to clients that support pull, which then get no pushes.
/// An unknown document gets an empty full report.
/// </summary>
internal sealed class DocumentDiagnosticHandler : RequestHandler<DocumentDiagnosticParams, DocumentDiagnosticReport>
{
    public override string Method => "textDocument/diagnostic";
    public override bool MutatesWorkspace => false;

    public override void ContributeCapabilities(ServerCapabilities capabilities, ClientSession session)
    {
        if (session.UsesPullDiagnostics) capabilities.DiagnosticProvider = new DiagnosticOptions("dockerlsp", InterFileDependencies: false, WorkspaceDiagnostics: false);
    }

    public override Task<DocumentDiagnosticReport> HandleAsync(DocumentDiagnosticParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(request.TextDocument.Uri, cancellationToken);
        if (document is null) return Task.FromResult(new DocumentDiagnosticReport("full", null, []));
        var analysis = context.Services.Diagnostics.GetAnalysis(document, context.Snapshot.Settings, cancellationToken);
        var resultId = DiagnosticService.GetResultId(analysis);
        if (request.PreviousResultId == resultId) return Task.FromResult(new DocumentDiagnosticReport("unchanged", resultId, null));
        var session = context.Session;
        var items = analysis.Diagnostics.Select(d => LspMapper.ToDiagnostic(document, d, session.Encoding, session.SupportsRelatedInformation)).ToArray();
        return Task.FromResult(new DocumentDiagnosticReport("full", resultId, items));
    }
}
