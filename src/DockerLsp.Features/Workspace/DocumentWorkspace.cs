using DockerLsp.Features.Settings;

namespace DockerLsp.Features.Workspace;

/// <summary>
/// The single writer of document state. Every mutation produces a new <see cref="WorkspaceSnapshot"/> and publishes it
/// atomically; callers must serialize mutations (the server's request queue does), readers only ever see whole snapshots.
/// Mutations never throw for editor mistakes (a change for an unknown document, a stale version): they report what
/// happened in <see cref="DocumentUpdate"/> so that the caller can log it.
/// </summary>
public sealed class DocumentWorkspace
{
    private volatile WorkspaceSnapshot _current = WorkspaceSnapshot.Empty;

    public WorkspaceSnapshot CurrentSnapshot => _current;

    /// <summary>Opens (or re-opens, replacing) a document.</summary>
    public DocumentUpdate Open(string uri, int version, string text, CancellationToken cancellationToken)
    {
        var document = Document.Create(uri, version, text, isOpen: true, cancellationToken);
        Publish(_current.With(_current.Documents.SetItem(uri, document)));
        return new DocumentUpdate(DocumentUpdateKind.Opened, document);
    }

    /// <summary>
    /// Applies changes to an open document. A change for a document that is not open is ignored (there is no base text
    /// to apply a range to) unless it is a full-text change, which opens it. A version older than the current one is
    /// still applied — the editor's text is the truth — and reported as <see cref="DocumentUpdateKind.StaleVersion"/>.
    /// </summary>
    public DocumentUpdate Change(string uri, int version, IReadOnlyList<DocumentChange> changes, CancellationToken cancellationToken)
    {
        var existing = _current.GetDocument(uri);
        if (existing is null)
        {
            var lastFull = changes.LastOrDefault(c => c.Range is null);
            if (lastFull is null) return new DocumentUpdate(DocumentUpdateKind.UnknownDocument, null);
            var tail = changes.SkipWhile(c => !ReferenceEquals(c, lastFull)).Skip(1).ToArray();
            var opened = Document.Create(uri, version, lastFull.NewText, isOpen: true, cancellationToken).WithChanges(version, tail, cancellationToken);
            Publish(_current.With(_current.Documents.SetItem(uri, opened)));
            return new DocumentUpdate(DocumentUpdateKind.Opened, opened);
        }
        var updated = existing.WithChanges(version, changes, cancellationToken);
        Publish(_current.With(_current.Documents.SetItem(uri, updated)));
        return new DocumentUpdate(version <= existing.Version ? DocumentUpdateKind.StaleVersion : DocumentUpdateKind.Changed, updated);
    }

    public DocumentUpdate Close(string uri)
    {
        var existing = _current.GetDocument(uri);
        if (existing is null) return new DocumentUpdate(DocumentUpdateKind.UnknownDocument, null);
        Publish(_current.With(_current.Documents.Remove(uri)));
        return new DocumentUpdate(DocumentUpdateKind.Closed, existing);
    }

    public void UpdateSettings(LanguageServerSettings settings) => Publish(_current.With(settings: settings));

    private void Publish(WorkspaceSnapshot snapshot) => _current = snapshot;
}

/// <summary>What a workspace mutation did, and the resulting document (null when nothing was applied).</summary>
public sealed record DocumentUpdate(DocumentUpdateKind Kind, Document? Document);

/// <summary>The outcome of a document mutation.</summary>
public enum DocumentUpdateKind
{
    Opened,
    Changed,
    /// <summary>Applied, but the editor sent a version not newer than the one we had.</summary>
    StaleVersion,
    Closed,
    /// <summary>Nothing applied: the document is not open.</summary>
    UnknownDocument,
}
