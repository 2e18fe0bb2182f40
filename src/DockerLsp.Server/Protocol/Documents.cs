using System.Text.Json.Serialization;

namespace DockerLsp.Server.Protocol;

internal sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

internal sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);

/// <summary>A range change (with <see cref="Range"/>) or a full-text change (without).</summary>
internal sealed record TextDocumentContentChangeEvent(LspRange? Range, int? RangeLength, [property: JsonConverter(typeof(DocumentTextConverter))] string Text);

internal sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

internal sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, [property: JsonConverter(typeof(DocumentTextConverter))] string? Text);
