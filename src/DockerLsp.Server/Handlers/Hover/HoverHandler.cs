using DockerLsp.Features.Hover;
using DockerLsp.Server.Protocol;
using LspHover = DockerLsp.Server.Protocol.Hover;

namespace DockerLsp.Server.Handlers.Hover;

/// <summary><c>textDocument/hover</c>: Markdown when the client accepts it, plain text otherwise; null for nothing to say, an unknown document or an out-of-range position.</summary>
internal sealed class HoverHandler : RequestHandler<HoverParams, LspHover?>
{
    public override string Method => "textDocument/hover";
    public override bool MutatesWorkspace => false;

    public override void ContributeCapabilities(ServerCapabilities capabilities, ClientSession session) => capabilities.HoverProvider = true;

    public override Task<LspHover?> HandleAsync(HoverParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var document = context.GetDocument(request.TextDocument.Uri, cancellationToken);
        if (document is null) return Task.FromResult<LspHover?>(null);
        var encoding = context.Session.Encoding;
        var offset = ProtocolConversions.ToOffset(document.Text, request.Position, encoding);
        var markdown = context.Session.SupportsMarkdownHover;
        var hover = context.Services.Hover.GetHover(document, offset, markdown ? HoverFormat.Markdown : HoverFormat.PlainText, cancellationToken);
        if (hover is null) return Task.FromResult<LspHover?>(null);
        var contents = new MarkupContent(markdown ? LspConstants.MarkupMarkdown : LspConstants.MarkupPlainText, hover.Text);
        return Task.FromResult<LspHover?>(new LspHover(contents, ProtocolConversions.ToRange(document.Text, hover.Span, encoding)));
    }
}
