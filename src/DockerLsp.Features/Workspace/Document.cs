using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.Workspace;

/// <summary>
/// One immutable version of a Dockerfile: its identity, the editor's version number, its text and its syntax tree.
/// Invariant: <c>Tree.Text == Text</c>. A document read from disk (never opened) has <see cref="IsOpen"/> false and
/// version 0. Documents are shared freely between threads; a newer version is a new object.
/// </summary>
public sealed class Document
{
    private Document(string uri, int version, SyntaxTree tree, bool isOpen, DocumentLineage lineage)
    {
        Uri = uri;
        Version = version;
        Tree = tree;
        IsOpen = isOpen;
        Lineage = lineage;
    }

    /// <summary>
    /// Shared by every version derived from one <see cref="Create"/> through <see cref="WithChanges"/>: engines hang per-document
    /// memory on it (e.g. the analysis cache of unchanged stages), which goes away with the last version of the document.
    /// </summary>
    internal DocumentLineage Lineage { get; }

    /// <summary>The document's identity as the editor names it (an absolute URI string).</summary>
    public string Uri { get; }

    /// <summary>The editor's version of the text; increases with every change of an open document.</summary>
    public int Version { get; }

    public SyntaxTree Tree { get; }
    public SourceText Text => Tree.Text;
    public bool IsOpen { get; }

    /// <summary>A freshly parsed document.</summary>
    public static Document Create(string uri, int version, string text, bool isOpen, CancellationToken cancellationToken = default) =>
        new(uri, version, SyntaxTree.Parse(SourceText.From(text), cancellationToken: cancellationToken), isOpen, new DocumentLineage());

    /// <summary>
    /// Applies editor changes in order (each is expressed against the text produced by the previous one) and reparses
    /// incrementally. Changes that cannot be located are clamped by <see cref="SourceText.WithChanges(TextChange[])"/>.
    /// </summary>
    public Document WithChanges(int version, IReadOnlyList<DocumentChange> changes, CancellationToken cancellationToken = default)
    {
        var text = Text;
        foreach (var change in changes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            text = change.Range is null
                ? ReplaceAll(text, change.NewText)
                : text.WithChanges(new TextChange(change.Range(text), change.NewText));
        }
        return new Document(Uri, version, Reparse(text, cancellationToken), IsOpen, Lineage);
    }

    /// <summary>Incremental reparse, falling back to a full parse of the new text if it fails: the text must never be lost.</summary>
    private SyntaxTree Reparse(SourceText text, CancellationToken cancellationToken)
    {
        try
        {
            return Tree.WithChangedText(text, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return SyntaxTree.Parse(text, cancellationToken: cancellationToken);
        }
    }

    /// <summary>A full-text replacement expressed as a change, so that the incremental parser can still reuse the unchanged parts.</summary>
    private static SourceText ReplaceAll(SourceText text, string newText) =>
        text.WithChanges(new TextChange(new TextSpan(0, text.Length), newText));

    public override string ToString() => $"{Uri}@{Version}";
}

/// <summary>
/// One edit sent by the editor. <see cref="Range"/> locates the replaced span in the text the edit applies to (null means
/// "replace everything"); it is a function because the span can only be computed against the intermediate text of a
/// batch, and the position-encoding conversion that computes it belongs to the protocol layer.
/// </summary>
public sealed record DocumentChange(Func<SourceText, TextSpan>? Range, string NewText);

/// <summary>The identity of one opened (or read) document across its versions; see <see cref="Document.Lineage"/>.</summary>
internal sealed class DocumentLineage;
