using System.Text.Json;

namespace DockerLsp.Server.Protocol;

/// <summary>The <c>initialize</c> request parameters (only the fields the server reads).</summary>
internal sealed record InitializeParams
{
    public int? ProcessId { get; init; }
    public ClientInfo? ClientInfo { get; init; }
    public string? RootUri { get; init; }
    public string? RootPath { get; init; }
    public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }
    public ClientCapabilities Capabilities { get; init; } = new();
    public JsonElement? InitializationOptions { get; init; }
    public string? Trace { get; init; }
}

internal sealed record ClientInfo(string Name, string? Version);

internal sealed record WorkspaceFolder(string Uri, string Name);

/// <summary>The client capabilities the server adapts to; everything else is ignored.</summary>
internal sealed record ClientCapabilities
{
    public GeneralClientCapabilities? General { get; init; }
    public TextDocumentClientCapabilities? TextDocument { get; init; }
    public WorkspaceClientCapabilities? Workspace { get; init; }
}

internal sealed record GeneralClientCapabilities
{
    public IReadOnlyList<string>? PositionEncodings { get; init; }
}

internal sealed record TextDocumentClientCapabilities
{
    public PublishDiagnosticsClientCapabilities? PublishDiagnostics { get; init; }
    public DynamicRegistrationCapability? Diagnostic { get; init; }
    public HoverClientCapabilities? Hover { get; init; }
    public CodeActionClientCapabilities? CodeAction { get; init; }
}

internal sealed record PublishDiagnosticsClientCapabilities
{
    public bool? VersionSupport { get; init; }
    public bool? RelatedInformation { get; init; }
    public bool? CodeDescriptionSupport { get; init; }
    public bool? DataSupport { get; init; }
}

internal sealed record DynamicRegistrationCapability
{
    public bool? DynamicRegistration { get; init; }
}

internal sealed record HoverClientCapabilities
{
    public IReadOnlyList<string>? ContentFormat { get; init; }
}

internal sealed record CodeActionClientCapabilities
{
    public JsonElement? CodeActionLiteralSupport { get; init; }
    public bool? IsPreferredSupport { get; init; }
    public bool? DataSupport { get; init; }
    public CodeActionResolveSupport? ResolveSupport { get; init; }
}

internal sealed record CodeActionResolveSupport(IReadOnlyList<string> Properties);

internal sealed record WorkspaceClientCapabilities
{
    public bool? Configuration { get; init; }
    public bool? ApplyEdit { get; init; }
    public DynamicRegistrationCapability? DidChangeConfiguration { get; init; }
    public DynamicRegistrationCapability? DidChangeWatchedFiles { get; init; }
    public WorkspaceEditClientCapabilities? WorkspaceEdit { get; init; }
    public RefreshCapability? Diagnostics { get; init; }
}

internal sealed record WorkspaceEditClientCapabilities
{
    public bool? DocumentChanges { get; init; }

    /// <summary>The resource operations the client applies in <c>documentChanges</c>: <c>create</c>, <c>rename</c>, <c>delete</c>.</summary>
    public IReadOnlyList<string>? ResourceOperations { get; init; }
}

internal sealed record RefreshCapability
{
    public bool? RefreshSupport { get; init; }
}

/// <summary>The <c>initialize</c> result.</summary>
internal sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

internal sealed record ServerInfo(string Name, string Version);

/// <summary>What the server offers; filled in by the registered handlers (see <c>CapabilityBuilder</c>).</summary>
internal sealed record ServerCapabilities
{
    public string? PositionEncoding { get; set; }
    public TextDocumentSyncOptions? TextDocumentSync { get; set; }
    public bool? HoverProvider { get; set; }
    public CodeActionOptions? CodeActionProvider { get; set; }
    public DiagnosticOptions? DiagnosticProvider { get; set; }
    public ExecuteCommandOptions? ExecuteCommandProvider { get; set; }
}

internal sealed record TextDocumentSyncOptions(bool OpenClose, int Change);

internal sealed record CodeActionOptions(IReadOnlyList<string> CodeActionKinds, bool ResolveProvider);

internal sealed record DiagnosticOptions(string Identifier, bool InterFileDependencies, bool WorkspaceDiagnostics);

internal sealed record ExecuteCommandOptions(IReadOnlyList<string> Commands);

internal sealed record SetTraceParams(string Value);

internal sealed record LogMessageParams(int Type, string Message);

internal sealed record LogTraceParams(string Message, string? Verbose);
