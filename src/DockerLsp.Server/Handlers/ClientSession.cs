using DockerLsp.Server.Protocol;

namespace DockerLsp.Server.Handlers;

/// <summary>Where the LSP lifecycle stands.</summary>
internal enum LifecycleState
{
    /// <summary>No <c>initialize</c> yet: every other request gets -32002.</summary>
    Created,
    Initialized,
    /// <summary>After <c>shutdown</c>: requests get -32600; only <c>exit</c> is expected.</summary>
    ShutDown,
}

/// <summary>
/// What was negotiated with the client in <c>initialize</c> and the lifecycle state. Written only by mutating lifecycle
/// handlers (which the queue runs alone); read by everything else. Defaults describe a client that offers nothing, so
/// a minimal client still gets push diagnostics, UTF-16 positions and Markdown-free hovers only if it asked for them.
/// </summary>
internal sealed class ClientSession
{
    private volatile LifecycleState _state = LifecycleState.Created;

    public LifecycleState State { get => _state; set => _state = value; }
    public ClientCapabilities Capabilities { get; private set; } = new();
    public PositionEncoding Encoding { get; private set; } = PositionEncoding.Utf16;
    public string? ClientName { get; private set; }
    public int? ClientProcessId { get; private set; }
    public IReadOnlyList<string> WorkspaceRoots { get; private set; } = [];

    /// <summary>The value of <c>$/setTrace</c> (off, messages, verbose).</summary>
    public string Trace { get; set; } = "off";

    public bool UsesPullDiagnostics => Capabilities.TextDocument?.Diagnostic is not null;
    public bool SupportsDiagnosticVersion => Capabilities.TextDocument?.PublishDiagnostics?.VersionSupport == true;
    public bool SupportsRelatedInformation => Capabilities.TextDocument?.PublishDiagnostics?.RelatedInformation != false;
    public bool SupportsMarkdownHover => Capabilities.TextDocument?.Hover?.ContentFormat?.Contains(LspConstants.MarkupMarkdown) == true;
    public bool SupportsCodeActionLiterals => Capabilities.TextDocument?.CodeAction?.CodeActionLiteralSupport is not null;
    public bool SupportsCodeActionResolveOfEdit => Capabilities.TextDocument?.CodeAction?.ResolveSupport?.Properties.Contains("edit") == true;
    public bool SupportsDocumentChanges => Capabilities.Workspace?.WorkspaceEdit?.DocumentChanges == true;

    /// <summary>True when workspace edits may create files: <c>documentChanges</c> with the <c>create</c> resource operation.</summary>
    public bool SupportsCreateFiles => SupportsDocumentChanges && Capabilities.Workspace?.WorkspaceEdit?.ResourceOperations?.Contains("create") == true;
    public bool SupportsConfiguration => Capabilities.Workspace?.Configuration == true;
    public bool SupportsWatchedFilesRegistration => Capabilities.Workspace?.DidChangeWatchedFiles?.DynamicRegistration == true;
    public bool SupportsDiagnosticRefresh => Capabilities.Workspace?.Diagnostics?.RefreshSupport == true;

    public void Initialize(InitializeParams request, int? processIdOverride)
    {
        Capabilities = request.Capabilities ?? new ClientCapabilities();
        Encoding = ProtocolConversions.Negotiate(Capabilities.General?.PositionEncodings);
        ClientName = request.ClientInfo?.Name;
        ClientProcessId = processIdOverride ?? request.ProcessId;
        var roots = new List<string>();
        foreach (var folder in request.WorkspaceFolders ?? []) roots.Add(folder.Uri);
        if (roots.Count == 0 && request.RootUri is { } rootUri) roots.Add(rootUri);
        if (roots.Count == 0 && request.RootPath is { } rootPath) roots.Add(new Uri(Path.GetFullPath(rootPath)).AbsoluteUri);
        WorkspaceRoots = roots;
        if (request.Trace is { } trace) Trace = trace;
    }
}
