using System.Text.Json;
using System.Text.Json.Serialization;

namespace DockerLsp.Server.Protocol;

/// <summary>An LSP diagnostic. <see cref="Code"/> is the rule ID; <see cref="Data"/> lets code actions find the finding again.</summary>
internal sealed record Diagnostic
{
    public required LspRange Range { get; init; }
    public int? Severity { get; init; }
    public string? Code { get; init; }
    public CodeDescription? CodeDescription { get; init; }
    public string? Source { get; init; }
    public required string Message { get; init; }
    public IReadOnlyList<int>? Tags { get; init; }
    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }

    /// <summary>Outgoing: a <see cref="DiagnosticData"/>; incoming (echoed by the client): a JSON element.</summary>
    public object? Data { get; init; }
}

internal sealed record CodeDescription(string Href);

internal sealed record DiagnosticRelatedInformation(Location Location, string Message);

internal sealed record PublishDiagnosticsParams(string Uri, int? Version, IReadOnlyList<Diagnostic> Diagnostics);

internal sealed record DocumentDiagnosticParams(TextDocumentIdentifier TextDocument, string? Identifier, string? PreviousResultId);

/// <summary>A full report (<c>kind = "full"</c>, with items) or an unchanged one (<c>kind = "unchanged"</c>, no items).</summary>
internal sealed record DocumentDiagnosticReport(string Kind, string? ResultId, IReadOnlyList<Diagnostic>? Items);

internal sealed record HoverParams(TextDocumentIdentifier TextDocument, Position Position);

internal sealed record Hover(MarkupContent Contents, LspRange? Range);

internal sealed record CodeActionParams(TextDocumentIdentifier TextDocument, LspRange Range, CodeActionContext Context);

/// <summary>
/// What we read of a code action request's context. The client's <c>diagnostics</c> are left out on purpose: actions come from
/// the server's own analysis of the same snapshot, so the copy the client sends back (hundreds of diagnostics for a
/// whole-file request) would only be deserialized and dropped; the JSON reader skips it without allocating.
/// </summary>
internal sealed record CodeActionContext(IReadOnlyList<string>? Only, int? TriggerKind);

/// <summary>A code action literal; <see cref="Edit"/> is filled directly or on <c>codeAction/resolve</c>.</summary>
internal sealed record CodeAction
{
    public required string Title { get; init; }
    public string? Kind { get; init; }
    public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }
    public bool? IsPreferred { get; init; }
    public WorkspaceEdit? Edit { get; init; }
    public Command? Command { get; init; }
    public CodeActionData? Data { get; init; }
}

/// <summary>
/// What <c>codeAction/resolve</c> and the apply command need to recompute an action: document, version, range, key. Every
/// member is required: data a client mangled is invalid params, not an action on version 0 (nulls are checked by
/// <c>CodeActionEdits.Validate</c>).
/// </summary>
internal sealed record CodeActionData([property: JsonRequired] string Uri, [property: JsonRequired] int Version, [property: JsonRequired] int Start,
    [property: JsonRequired] int Length, [property: JsonRequired] string Key);

internal sealed record ExecuteCommandParams(string Command, IReadOnlyList<JsonElement>? Arguments);

internal sealed record ApplyWorkspaceEditParams(string? Label, WorkspaceEdit Edit);

internal sealed record ApplyWorkspaceEditResult(bool Applied, string? FailureReason);
