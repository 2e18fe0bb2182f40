using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockerLsp.Server.Protocol;

// LSP 3.17 base structures. Only the Server uses these types; they never cross into Features.

/// <summary>LSP position: zero-based line and character, the character counted in the negotiated encoding.</summary>
internal sealed record Position(int Line, int Character);

/// <summary>LSP range: start inclusive, end exclusive.</summary>
internal sealed record LspRange(Position Start, Position End);

/// <summary>A range in a document.</summary>
internal sealed record Location(string Uri, LspRange Range);

/// <summary>Names a document.</summary>
internal sealed record TextDocumentIdentifier(string Uri);

/// <summary>Names one version of a document.</summary>
internal sealed record VersionedTextDocumentIdentifier(string Uri, int? Version);

/// <summary>A document as opened by the client.</summary>
internal sealed record TextDocumentItem(string Uri, string LanguageId, int Version, [property: JsonConverter(typeof(DocumentTextConverter))] string Text);

/// <summary>Replace <see cref="Range"/> with <see cref="NewText"/>.</summary>
internal sealed record TextEdit(LspRange Range, string NewText);

/// <summary>
/// One entry of <c>documentChanges</c>: a <see cref="TextDocumentEdit"/> or a resource operation (<see cref="CreateFile"/>).
/// Serialized as the derived type, without a discriminator (LSP tells them apart by <c>kind</c>), and read back the same way
/// (a client may send a resolved action, edit included, to <c>codeAction/resolve</c>).
/// </summary>
[JsonConverter(typeof(DocumentChangeOperationConverter))]
internal abstract record DocumentChangeOperation;

/// <summary>Edits to one versioned document (used when the client supports documentChanges); a null version means "as on disk".</summary>
internal sealed record TextDocumentEdit(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextEdit> Edits) : DocumentChangeOperation;

/// <summary>The <c>create</c> resource operation (clients that list it in <c>workspaceEdit.resourceOperations</c>).</summary>
internal sealed record CreateFile(string Uri, CreateFileOptions? Options) : DocumentChangeOperation
{
    public string Kind => "create";
}

internal sealed record CreateFileOptions(bool? Overwrite, bool? IgnoreIfExists);

/// <summary>A workspace edit in either the <c>changes</c> or the <c>documentChanges</c> shape.</summary>
internal sealed record WorkspaceEdit
{
    public Dictionary<string, IReadOnlyList<TextEdit>>? Changes { get; init; }
    public IReadOnlyList<DocumentChangeOperation>? DocumentChanges { get; init; }
}

/// <summary>Text in Markdown or plain text.</summary>
internal sealed record MarkupContent(string Kind, string Value);

/// <summary>A command the client asks the server to execute (or handles itself).</summary>
internal sealed record Command(string Title, [property: JsonPropertyName("command")] string CommandName, IReadOnlyList<JsonElement>? Arguments);

/// <summary>Parameters of requests at a position in a document.</summary>
internal sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

/// <summary>Wire constants of LSP 3.17.</summary>
internal static class LspConstants
{
    public const string MarkupMarkdown = "markdown";
    public const string MarkupPlainText = "plaintext";
    public const string EncodingUtf8 = "utf-8";
    public const string EncodingUtf16 = "utf-16";
    public const string EncodingUtf32 = "utf-32";

    public const int ErrorServerNotInitialized = -32002;
    public const int ErrorInvalidRequest = -32600;
    public const int ErrorInvalidParams = -32602;
    public const int ErrorContentModified = -32801;
    public const int ErrorRequestFailed = -32803;
}
