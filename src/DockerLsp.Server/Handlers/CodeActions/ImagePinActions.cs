using DockerLsp.Features.Images;
using DockerLsp.Features.Workspace;
using DockerLsp.Server.Protocol;
using DockerLsp.Syntax.Text;
using LspCodeAction = DockerLsp.Server.Protocol.CodeAction;

namespace DockerLsp.Server.Handlers.CodeActions;

/// <summary>
/// Registry-backed quick fixes on image references: "Pin to digest", "Update digest" (a pinned digest that no longer matches
/// its tag) and "Pin all images to digests". Why only from the cache: a code action request must not wait for the network,
/// so the request itself (like a hover) starts the lookup and the actions appear once the digest is known. The edits are
/// tiny, so they are always inlined (no <c>data</c>, nothing to resolve).
/// </summary>
internal static class ImagePinActions
{
    public static IEnumerable<LspCodeAction> Create(Document document, TextSpan range, ImageInfoCache cache, ClientSession session, CancellationToken cancellationToken)
    {
        var engineDocument = ImageReferenceLocator.ToEngineDocument(document);
        var images = ImagePinService.FindImageReferences(engineDocument, cancellationToken);
        var text = document.Text.ToString();
        var all = new List<TextChange>();
        var unpinned = 0;
        foreach (var image in images)
        {
            if (image.LookupReference is not { } reference || (image.IsPinned && image.Image!.Tag is null)) continue;
            if (!image.IsPinned) unpinned++;
            var lookup = cache.PeekInfo(reference);
            if (lookup is not { State: ImageLookupState.Available, Value.Digest: { } digest }) continue;
            if (ImagePinService.ComputeChange(text, image, digest) is not { } change) continue;
            if (!image.IsPinned) all.Add(change);
            if (!Intersects(image.Span, range)) continue;
            yield return Action(document, session, image.IsPinned ? $"Update digest of '{reference}' to {Short(digest)}" : $"Pin '{reference}' to digest {Short(digest)}", [change], preferred: true);
        }
        if (all.Count > 1 && all.Count == unpinned && images.Any(i => !i.IsPinned && Intersects(i.Span, range)))
        {
            yield return Action(document, session, "Pin all images to digests", all, preferred: false);
        }
    }

    private static bool Intersects(TextSpan span, TextSpan range) => span.Start <= range.End && range.Start <= span.End;

    private static string Short(string digest) => digest.Length > 19 ? digest[..19] + "…" : digest;

    private static LspCodeAction Action(Document document, ClientSession session, string title, IReadOnlyList<TextChange> changes, bool preferred) => new()
    {
        Title = title,
        Kind = "quickfix",
        IsPreferred = preferred ? true : null,
        Edit = LspMapper.ToWorkspaceEdit(document, changes, session.Encoding, session.SupportsDocumentChanges),
    };
}
