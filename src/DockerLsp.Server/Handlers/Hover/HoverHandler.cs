using DockerLsp.Features.Hover;
using DockerLsp.Features.Images;
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
        var text = hover?.Text;
        var span = hover?.Span;
        // Registry data comes from the cache only: the first hover starts the lookup and says "resolving…", it never waits.
        if (context.Services.Images is { } images && ImageReferenceLocator.FindAt(document, offset, cancellationToken) is { LookupReference: { } reference } image)
        {
            var lookup = images.GetCache(context.Snapshot.Settings.Registry).PeekInfo(reference);
            text = (text is null ? "" : text + "\n\n---\n\n") + ImageHoverText.Format(reference, lookup);
            span ??= image.Span;
        }
        if (text is null || span is null) return Task.FromResult<LspHover?>(null);
        var contents = new MarkupContent(markdown ? LspConstants.MarkupMarkdown : LspConstants.MarkupPlainText, text);
        return Task.FromResult<LspHover?>(new LspHover(contents, ProtocolConversions.ToRange(document.Text, span.Value, encoding)));
    }
}
