using System.IO.Pipelines;
using System.Reflection;
using System.Text.Json;
using DockerLsp.Features.Diagnostics;
using DockerLsp.Server.Protocol;
using DockerLsp.Syntax;
using Serilog;
using StreamJsonRpc;

namespace DockerLsp.Server.Hosting;

/// <summary>
/// Warms the keystroke path of the whole server once per session, in the background, after <c>initialized</c>: a private
/// <see cref="LanguageServer"/> (same engine, same client capabilities, no registry, no log) is started over in-memory pipes
/// and driven through <c>initialize</c>, <c>didOpen</c> of an embedded sample, <see cref="EditCount"/> one-character
/// <c>didChange</c>s each answered by its <c>publishDiagnostics</c>, then <c>shutdown</c>/<c>exit</c>. Why: the runtime runs
/// ReadyToRun code until a method has been called about thirty times and only then compiles it again, optimised; without
/// this the user's first few dozen keystrokes pay for that in every layer (frame reading, JSON-RPC dispatch, queue,
/// incremental parse, rules, conversion, serialization). Measured with lspbench: the first quarter of 50 edits took
/// ≈ 3 ms against ≈ 1.8-2 ms for the last quarter at 100 lines. Nothing of it reaches the real client or workspace: the private
/// server has its own, the sample is an <c>untitled:</c> document (no build context, no IO). It starts once the real server has
/// published its first diagnostics (or after <see cref="StartDelay"/>) and pauses while the real server analyses, so the user's
/// work never waits behind it on a two-core machine. Cancelled at shutdown; a failure
/// is logged at debug level and otherwise ignored: warming up is an optimisation, never a dependency.
/// </summary>
internal sealed class ServerWarmUp(IAnalysisEngine engine, ILogger log, DiagnosticsPublisher? realServer = null)
{
    /// <summary>
    /// How long the warm-up waits for the first real diagnostics before it starts anyway (pull clients never get a push). The
    /// user's first document comes first: a cold first analysis sharing the machine with the warm-up took twice as long.
    /// </summary>
    internal static readonly TimeSpan StartDelay = TimeSpan.FromMilliseconds(300);

    internal const string SampleUri = "untitled:dockerlsp-warm-up/Dockerfile";

    /// <summary>Number of edits: more than the runtime's call-count threshold (30) for every method a keystroke runs.</summary>
    internal const int EditCount = 48;

    /// <summary>Longest a warm-up may take before it is abandoned.</summary>
    internal static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>How many edits of the last run had their diagnostics published back.</summary>
    public int EditsPublished { get; private set; }

    /// <summary>When the private server was started (<see cref="System.Diagnostics.Stopwatch"/> ticks; 0 before), for tests.</summary>
    public long StartedAt { get; private set; }

    /// <summary>How many findings the last publish carried (the sample has some: the rules really ran).</summary>
    public int LastFindingCount { get; private set; }

    /// <summary>Completes when a run <see cref="StartAsync"/> started has ended (for tests: pending until then). Never faults.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Starts the warm-up on the thread pool with the real client's text-document capabilities; returns its task at once.</summary>
    public Task StartAsync(Protocol.ClientCapabilities clientCapabilities, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            await RunAsync(clientCapabilities, cancellationToken).ConfigureAwait(false);
            _completion.TrySetResult();
        }, CancellationToken.None);

    internal async Task RunAsync(Protocol.ClientCapabilities clientCapabilities, CancellationToken cancellationToken)
    {
        if (realServer is not null)
        {
            await Task.WhenAny(realServer.FirstPublish, Task.Delay(StartDelay, cancellationToken)).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested) return;
        }
        var started = StartedAt = System.Diagnostics.Stopwatch.GetTimestamp();
        var toServer = new Pipe();
        var fromServer = new Pipe();
        var server = new LanguageServer(toServer.Reader.AsStream(), fromServer.Writer.AsStream(), new LanguageServerOptions { Engine = engine },
            Serilog.Core.Logger.None);
        using var conversation = new Conversation(fromServer.Reader.AsStream(), toServer.Writer.AsStream());
        var client = conversation.Client;
        // A warm-up that cannot finish in this time is stuck (it normally takes 0.1-0.4 s): give up rather than hold a thread.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(Timeout);
        cancellationToken = stop.Token;
        var serving = server.RunAsync(cancellationToken);
        try
        {
            await client.RequestAsync<InitializeParams, JsonElement?>("initialize", InitializeParams(clientCapabilities), cancellationToken).ConfigureAwait(false);
            await client.NotifyAsync("initialized", s_emptyObject).ConfigureAwait(false);
            var sample = LoadSample();
            var targets = RunKeywordEnds(sample);
            var version = 1;
            var published = conversation.PublishOf(version);
            await client.NotifyAsync("textDocument/didOpen", new DidOpenTextDocumentParams(new TextDocumentItem(SampleUri, "dockerfile", version, sample))).ConfigureAwait(false);
            await published.WaitAsync(cancellationToken).ConfigureAwait(false);
            for (var edit = 0; edit < EditCount; edit++)
            {
                // Real keystrokes first: wait while the real server analyses (its edits come tens of milliseconds apart).
                while (realServer?.IsBusy == true) await Task.Delay(1, cancellationToken).ConfigureAwait(false);
                // Type a letter after a RUN keyword, then delete it again: the text returns to the sample every two edits.
                var target = targets[(edit / 2) % targets.Count];
                var typing = edit % 2 == 0;
                version++;
                published = conversation.PublishOf(version);
                var range = new LspRange(target, typing ? target : target with { Character = target.Character + 1 });
                await client.NotifyAsync("textDocument/didChange", new DidChangeTextDocumentParams(new VersionedTextDocumentIdentifier(SampleUri, version),
                    [new TextDocumentContentChangeEvent(range, null, typing ? "x" : string.Empty)])).ConfigureAwait(false);
                LastFindingCount = await published.WaitAsync(cancellationToken).ConfigureAwait(false);
                EditsPublished = edit + 1;
            }
            await client.RequestAsync<JsonElement?, JsonElement?>("shutdown", null, cancellationToken).ConfigureAwait(false);
            await client.NotifyAsync<JsonElement?>("exit", null).ConfigureAwait(false);
            await serving.WaitAsync(cancellationToken).ConfigureAwait(false);
            log.Debug("Warm-up: {Edits} edits published in {Elapsed:F0} ms ({Findings} findings each)", EditsPublished,
                System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, LastFindingCount);
        }
        catch (Exception exception)
        {
            if (exception is not OperationCanceledException) log.Debug(exception, "Warm-up stopped after {Edits} edits; the server works without it", EditsPublished);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await toServer.Writer.CompleteAsync().ConfigureAwait(false);
            await fromServer.Reader.CompleteAsync().ConfigureAwait(false);
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static readonly JsonElement s_emptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    /// <summary>The real client's text-document capabilities, with push diagnostics: workspace capabilities are left out, so the private server asks nothing back.</summary>
    private static InitializeParams InitializeParams(ClientCapabilities capabilities) => new()
    {
        ClientInfo = new ClientInfo("dockerlsp warm-up", null),
        Capabilities = new ClientCapabilities
        {
            General = capabilities.General,
            TextDocument = (capabilities.TextDocument ?? new TextDocumentClientCapabilities()) with { Diagnostic = null },
        },
    };

    /// <summary>The sample Dockerfile, embedded in this assembly (Hosting/WarmUp.Dockerfile).</summary>
    internal static string LoadSample()
    {
        using var stream = typeof(ServerWarmUp).Assembly.GetManifestResourceStream("DockerLsp.Server.WarmUp.Dockerfile")
            ?? throw new InvalidOperationException("The warm-up sample is not embedded in the server assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>
    /// The position just after each RUN keyword of the sample, found through its syntax tree. In UTF-16 whatever the private
    /// server negotiated: the sample is ASCII, so every encoding counts the same columns.
    /// </summary>
    private static List<Position> RunKeywordEnds(string sample)
    {
        var tree = SyntaxTree.Parse(sample);
        var targets = new List<Position>();
        foreach (var instruction in tree.Root.Instructions)
        {
            if (instruction.Kind != SyntaxKind.RunInstruction) continue;
            targets.Add(ProtocolConversions.ToPosition(tree.Text, instruction.Keyword.Span.End, PositionEncoding.Utf16));
        }
        return targets.Count > 0 ? targets : [new Position(0, 0)];
    }

    /// <summary>
    /// The client half of the private conversation: StreamJsonRpc over the server's own <see cref="LspMessageHandler"/> (so framing,
    /// request ids and dispatch are the real ones), sending through <see cref="JsonRpcLanguageClient"/>, and reporting each publish
    /// by version. Server requests have no handler here and are answered "method not found" by StreamJsonRpc; none is expected
    /// without workspace capabilities.
    /// </summary>
    private sealed class Conversation : IDisposable
    {
        private readonly JsonRpc _rpc;
        private readonly Dictionary<int, TaskCompletionSource<int>> _publishes = [];

        public Conversation(Stream input, Stream output)
        {
            _rpc = new JsonRpc(new LspMessageHandler(input, output, LspJson.CreateFormatter(), Serilog.Core.Logger.None));
            _rpc.AddLocalRpcMethod(typeof(Conversation).GetMethod(nameof(OnPublish), BindingFlags.Public | BindingFlags.Instance)!, this,
                new JsonRpcMethodAttribute("textDocument/publishDiagnostics") { UseSingleObjectParameterDeserialization = true });
            // Whatever still waits for a publish fails when the server goes away.
            _rpc.Disconnected += (_, _) =>
            {
                var ended = new InvalidOperationException("The warm-up server stopped answering.");
                lock (_publishes) foreach (var waiter in _publishes.Values) waiter.TrySetException(ended);
            };
            Client = new JsonRpcLanguageClient(_rpc);
            _rpc.StartListening();
        }

        public ILanguageClient Client { get; }

        /// <summary>Completes with the number of diagnostics when the publish for <paramref name="version"/> arrives.</summary>
        public Task<int> PublishOf(int version)
        {
            var waiter = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (_publishes) _publishes[version] = waiter;
            return waiter.Task;
        }

        /// <summary>The <c>textDocument/publishDiagnostics</c> handler (public for StreamJsonRpc).</summary>
        public void OnPublish(PublishDiagnosticsParams publish)
        {
            if (publish.Version is not { } version) return;
            TaskCompletionSource<int>? waiter;
            lock (_publishes) _publishes.Remove(version, out waiter);
            waiter?.TrySetResult(publish.Diagnostics.Count);
        }

        public void Dispose() => _rpc.Dispose();
    }
}
