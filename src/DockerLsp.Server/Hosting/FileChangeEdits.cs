using DockerLsp.Features.Diagnostics;
using DockerLsp.Features.Workspace;
using DockerLsp.Server.Handlers;
using DockerLsp.Server.Protocol;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Server.Hosting;

/// <summary>
/// Turns a code action's edits — the Dockerfile's text changes plus <see cref="FileChange"/>s to other files of its directory — into
/// one LSP <see cref="WorkspaceEdit"/>. File changes need <c>documentChanges</c> with the <c>create</c> resource operation: a new
/// file is a <see cref="CreateFile"/> (<c>ignoreIfExists</c>) followed by a <see cref="TextDocumentEdit"/> inserting its text; an
/// append (or a create whose file exists by now) is a <see cref="TextDocumentEdit"/> at the end of the current text, taken from the
/// editor when the file is open there (with its version), else read from disk. Paths are relative to the Dockerfile's directory and
/// must stay inside it. Reads the disk, hence here and not in <see cref="LspMapper"/>.
/// </summary>
internal static class FileChangeEdits
{
    /// <summary>The workspace edit, or null when a file change cannot be expressed for this client or this document.</summary>
    public static WorkspaceEdit? ToWorkspaceEdit(Document document, IReadOnlyList<TextChange> textChanges, IReadOnlyList<FileChange>? fileChanges, RequestContext context)
    {
        var session = context.Session;
        if (fileChanges is not { Count: > 0 }) return LspMapper.ToWorkspaceEdit(document, textChanges, session.Encoding, session.SupportsDocumentChanges);
        if (!session.SupportsCreateFiles || DocumentFiles.ToPath(document.Uri) is not { } dockerfilePath || Path.GetDirectoryName(dockerfilePath) is not { Length: > 0 } directory)
        {
            return null;
        }
        var operations = new List<DocumentChangeOperation>();
        if (textChanges.Count > 0)
        {
            var edits = textChanges.Select(c => new TextEdit(ProtocolConversions.ToRange(document.Text, c.Span, session.Encoding), c.NewText)).ToArray();
            operations.Add(new TextDocumentEdit(new VersionedTextDocumentIdentifier(document.Uri, document.IsOpen ? document.Version : null), edits));
        }
        var root = new DirectoryBuildContext(directory, context.Services.Files.FileSystem);
        foreach (var change in fileChanges)
        {
            if (!change.IsContained || root.Resolve(change.RelativePath) is not { } target) return null;
            if (!AddOperations(operations, change, target, context)) return null;
        }
        return new WorkspaceEdit { DocumentChanges = operations };
    }

    private static bool AddOperations(List<DocumentChangeOperation> operations, FileChange change, string target, RequestContext context)
    {
        var encoding = context.Session.Encoding;
        // The editor's text wins over the disk: an open file may have unsaved changes.
        var open = context.Snapshot.Documents.Values.FirstOrDefault(d => d.IsOpen && string.Equals(DocumentFiles.ToPath(d.Uri), target, FileSystemBuildContexts.PathComparison));
        string? existing;
        try
        {
            existing = open?.Text.ToString() ?? (context.Services.Files.FileSystem.FileExists(target) ? context.Services.Files.FileSystem.ReadAllText(target) : null);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            context.Services.Log.Warning("Could not read {Path} for a code action: {Error}", target, exception.Message);
            return false;
        }
        var uri = open?.Uri ?? new Uri(target).AbsoluteUri;
        if (existing is null)
        {
            operations.Add(new CreateFile(uri, new CreateFileOptions(null, IgnoreIfExists: true)));
            operations.Add(new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, null), [new TextEdit(new LspRange(new Position(0, 0), new Position(0, 0)), change.Text)]));
            return true;
        }
        // Append (or a create that finds the file already there): at the end, on a line of its own. The fix's separating newline
        // was chosen for the text it read, which may differ from the editor's: choose it again for the text edited.
        var text = change.Text.TrimStart('\r', '\n');
        if (existing.Length > 0 && !existing.EndsWith('\n')) text = "\n" + text;
        var end = ProtocolConversions.ToPosition(SourceText.From(existing), existing.Length, encoding);
        operations.Add(new TextDocumentEdit(new VersionedTextDocumentIdentifier(uri, open?.Version), [new TextEdit(new LspRange(end, end), text)]));
        return true;
    }
}
