using DockerLsp.Analysis;
using DockerLsp.Features.Diagnostics;
using DockerLsp.Features.Workspace;

namespace DockerLsp.Features.Images;

/// <summary>Finds the external image reference under a position (for hover and code actions on image references).</summary>
public static class ImageReferenceLocator
{
    /// <summary>The pinnable (or refused) image whose written span contains <paramref name="offset"/>, or null.</summary>
    public static PinnableImage? FindAt(DockerfileDocument document, int offset, CancellationToken cancellationToken) =>
        ImagePinService.FindImageReferences(document, cancellationToken).FirstOrDefault(i => i.Span.Start <= offset && offset <= i.Span.End);

    /// <summary>The same for a workspace document (shares the engine document, and so the semantic model, with diagnostics).</summary>
    public static PinnableImage? FindAt(Document document, int offset, CancellationToken cancellationToken) =>
        FindAt(EngineDocuments.For(document), offset, cancellationToken);

    /// <summary>The engine document of a workspace document, for <see cref="ImagePinService"/>.</summary>
    public static DockerfileDocument ToEngineDocument(Document document) => EngineDocuments.For(document);
}
