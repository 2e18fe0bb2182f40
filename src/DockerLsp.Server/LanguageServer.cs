using System.Diagnostics;
using System.Text.Json;
using DockerLsp.Features.Diagnostics;
using DockerLsp.Features.Hover;
using DockerLsp.Server.Handlers;
using DockerLsp.Server.Handlers.CodeActions;
using DockerLsp.Server.Handlers.Diagnostics;
using DockerLsp.Server.Handlers.Hover;
using DockerLsp.Server.Handlers.Lifecycle;
using DockerLsp.Server.Handlers.TextSync;
using DockerLsp.Server.Handlers.Workspace;
using DockerLsp.Server.Hosting;
using DockerLsp.Server.Protocol;
using DockerLsp.Server.Queue;
using Microsoft.VisualStudio.Threading;
using Serilog;
using Serilog.Events;
using StreamJsonRpc;

namespace DockerLsp.Server;

/// <summary>Options of one server run.</summary>
public sealed record LanguageServerOptions
{
    /// <summary>The analysis engine; null means the default (the rule engine when available, else syntax diagnostics).</summary>
    public IAnalysisEngine? Engine { get; init; }

    /// <summary>Semantic facts for hover; null means the default.</summary>
    public ISemanticFacts? SemanticFacts { get; init; }

    /// <summary>The editor's process ID from the command line (<c>--clientProcessId</c>); overrides the one in <c>initialize</c>.</summary>
    public int? ClientProcessId { get; init; }

    /// <summary>
    /// Builds the image registry for the current <c>dockerlsp.registry.*</c> settings (supplied by the host, which does the IO);
    /// null means no registry data: hover shows none.
    /// </summary>
    public Func<Features.Images.ImageRegistrySettings, Features.Images.IImageRegistry>? ImageRegistryFactory { get; init; }

    /// <summary>
    /// Whether to run the keystroke path on an embedded sample after <c>initialized</c> (<see cref="ServerWarmUp"/>), so that the
    /// user's first keystrokes run optimised code. On for <c>dockerlsp serve</c>; off by default for hosts that embed the server.
    /// </summary>
    public bool WarmUp { get; init; }

    /// <summary>
    /// Whether to let the garbage collector run while the server is idle, between keystrokes, rather than inside them
    /// (<see cref="IdleCollector"/>). On for <c>dockerlsp serve</c>; off by default for hosts that embed the server, since it
    /// collects for the whole process.
    /// </summary>
    public bool CollectGarbageWhenIdle { get; init; }

    /// <summary>The collector <see cref="CollectGarbageWhenIdle"/> asks; null means the runtime's (tests substitute one).</summary>
    internal IGarbageCollector? GarbageCollector { get; init; }

    /// <summary>How often to check that the client process is alive.</summary>
    public TimeSpan ProcessPollInterval { get; init; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// One LSP connection: JSON-RPC over the given streams with StreamJsonRpc and System.Text.Json, the lifecycle (error
/// -32002 before <c>initialize</c>, -32600 after <c>shutdown</c>, exit code 0 after shutdown+exit and 1 otherwise), the
/// request queue, and the handlers. <see cref="RunAsync"/> completes with the exit code when the client sends <c>exit</c>,
/// closes the connection, or its process dies.
/// </summary>
public sealed partial class LanguageServer : System.IAsyncDisposable
{
    private readonly JsonRpc _rpc;
    private readonly RequestQueue _queue;
    private readonly ClientSession _session = new();
    private readonly LanguageServices _services;
    private readonly ILogger _log;
    private readonly LanguageServerOptions _options;
    private readonly TaskCompletionSource<int> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IReadOnlyList<ILspHandler> _handlers;

    public LanguageServer(Stream input, Stream output, LanguageServerOptions options, ILogger log)
        : this(input, output, options, log, fileSystem: null)
    {
    }

    internal LanguageServer(Stream input, Stream output, LanguageServerOptions options, ILogger log, IFileSystem? fileSystem)
    {
        _options = options;
        var clientLog = new ClientLogSink();
        _log = new LoggerConfiguration().MinimumLevel.Verbose().WriteTo.Logger(log).WriteTo.Sink(clientLog, LogEventLevel.Warning).CreateLogger();
        var formatter = LspJson.CreateFormatter();
        _rpc = new JsonRpc(new LspMessageHandler(input, output, formatter, _log))
        {
            // Invoke handlers in arrival order; each adapter enqueues synchronously, so the queue sees wire order.
            SynchronizationContext = new NonConcurrentSynchronizationContext(sticky: false),
        };
        var client = new JsonRpcLanguageClient(_rpc);
        var images = options.ImageRegistryFactory is { } factory ? new Features.Images.ImageRegistryHost(factory) : null;
        var files = fileSystem ?? new PhysicalFileSystem();
        var buildContexts = new FileSystemBuildContexts(files);
        var engine = options.Engine ?? DefaultEngine(buildContexts);
        var localEngine = engine;
        // With a registry, DF506 (stale digests, opt-in through dockerlsp.registry.checkDigests) joins the findings from the image cache.
        var staleDigests = images is null ? null : new Features.Images.StaleDigestAnalysisEngine(engine, images);
        if (staleDigests is not null) engine = staleDigests;
        _services = new LanguageServices(engine, client, _log, options.SemanticFacts, files)
        {
            Session = _session,
            Images = images,
            BuildContexts = buildContexts,
        };
        if (options.CollectGarbageWhenIdle) _services.Idle = new IdleCollector(options.GarbageCollector ?? RuntimeGarbageCollector.Instance);
        if (options.WarmUp) _services.WarmUp = new ServerWarmUp(localEngine, _log, _services.Publisher);
        // A lookup the analysis had to skip has answered: publish again (push) or ask the client to pull again, without an edit.
        if (staleDigests is not null) staleDigests.LookupAnswered += new RegistryLookupRefresher(_services).OnLookupAnswered;
        _queue = new RequestQueue(_services.Workspace, _log, _services.Idle);
        _services.Configuration.Queue = _queue;
        _handlers = CreateHandlers();
        foreach (var handler in _handlers) HandlerAdapters.Register(_rpc, handler, this);
        // exit carries no params, but clients send none, null, {} or vscode-jsonrpc's [null]; one optional parameter takes them all
        // (with none, StreamJsonRpc found no method for [null] and dropped the notification: the server never exited).
        _rpc.AddLocalRpcMethod("exit", new Action<JsonElement>(OnExit));
        clientLog.Attach(client);
    }

    /// <summary>
    /// Loads and initialises what a connection needs first (the JSON formatter with the protocol metadata, StreamJsonRpc's types
    /// and statics): 15-30 ms of the time to the <c>initialize</c> answer on the benchmark machine. A host can run this on
    /// another core while it parses its command line (the CLI does, for <c>serve</c>). Side-effect free: nothing is listened to
    /// or written, and calling it never changes what a later connection does.
    /// </summary>
    public static void Preload()
    {
        var formatter = LspJson.CreateFormatter();
        using var rpc = new JsonRpc(new LspMessageHandler(Stream.Null, Stream.Null, formatter, Serilog.Core.Logger.None));
    }

    /// <summary>The handlers this server registers, one per LSP method.</summary>
    internal IReadOnlyList<ILspHandler> Handlers => _handlers;

    internal ClientSession Session => _session;

    /// <summary>The push-diagnostics publisher (for tests).</summary>
    internal DiagnosticsPublisher Publisher => _services.Publisher;

    /// <summary>The warm-up, when <see cref="LanguageServerOptions.WarmUp"/> asked for one (for tests).</summary>
    internal ServerWarmUp? WarmUp => _services.WarmUp;

    /// <summary>The current workspace snapshot (for tests and diagnostics of the server itself).</summary>
    internal Features.Workspace.WorkspaceSnapshot CurrentSnapshot => _services.Workspace.CurrentSnapshot;

    /// <summary>The default engine: the analysis engine with the whole rule catalogue, and the build contexts of <c>file:</c> documents when given.</summary>
    public static IAnalysisEngine DefaultEngine(IBuildContextProvider? buildContexts = null) => new RuleAnalysisEngine(buildContexts);

    private List<ILspHandler> CreateHandlers() =>
    [
        new InitializeHandler(BuildCapabilities, _options.ClientProcessId),
        new InitializedHandler(),
        new ShutdownHandler(),
        new SetTraceHandler(),
        new DidOpenHandler(),
        new DidChangeHandler(),
        new DidCloseHandler(),
        new DocumentDiagnosticHandler(),
        new HoverHandler(),
        new CodeActionHandler(),
        new CodeActionResolveHandler(),
        new ExecuteCommandHandler(),
        new DidChangeConfigurationHandler(),
        new DidChangeWatchedFilesHandler(),
    ];

    /// <summary>The capabilities for a session: every registered handler contributes what it implements.</summary>
    internal ServerCapabilities BuildCapabilities(ClientSession session)
    {
        var capabilities = new ServerCapabilities();
        foreach (var handler in _handlers) handler.ContributeCapabilities(capabilities, session);
        return capabilities;
    }

    /// <summary>Serves until exit; returns the process exit code.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        _rpc.StartListening();
        using var registration = cancellationToken.Register(() => _exit.TrySetResult(1));
        using var watcher = new CancellationTokenSource();
        var processWatch = WatchClientProcessAsync(watcher.Token);
        var finished = await Task.WhenAny(_exit.Task, _rpc.Completion).ConfigureAwait(false);
        await watcher.CancelAsync().ConfigureAwait(false);
        int code;
        if (finished == _exit.Task)
        {
            code = await _exit.Task.ConfigureAwait(false);
        }
        else
        {
            code = _session.State == LifecycleState.ShutDown ? 0 : 1;
            _log.Information("The client closed the connection{Detail}", code == 0 ? " after shutdown" : " without shutdown");
        }
        await processWatch.ConfigureAwait(false);
        return code;
    }

    private void OnExit(JsonElement ignored = default)
    {
        var code = _session.State == LifecycleState.ShutDown ? 0 : 1;
        _log.Information("Exit requested; exit code {Code}", code);
        _exit.TrySetResult(code);
    }

    private async Task WatchClientProcessAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                await Task.Delay(_options.ProcessPollInterval, cancellationToken).ConfigureAwait(false);
                if (_session.ClientProcessId is { } pid && !IsProcessAlive(pid))
                {
                    _log.Information("Client process {ProcessId} is gone; exiting", pid);
                    _exit.TrySetResult(1);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Normal end of the watch.
        }
    }

    internal static bool IsProcessAlive(int processId)
    {
        if (OperatingSystem.IsLinux()) return Directory.Exists($"/proc/{processId}");
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _queue.DisposeAsync().ConfigureAwait(false);
        _rpc.Dispose();
        _services.Images?.Dispose();
        _services.Idle?.Dispose();
        if (_log is IDisposable disposable) disposable.Dispose();
    }
}
