using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using DockerLsp.Features.Workspace;
using DockerLsp.Server.Handlers;
using DockerLsp.Server.Protocol;
using DockerLsp.Syntax;

namespace DockerLsp.Server.Hosting;

/// <summary>
/// Runs the keystroke path (a range change located in the negotiated encoding, incremental reparse, the rule analysis,
/// conversion to protocol diagnostics, JSON serialization) on an embedded sample document, in the background, once per
/// session after <c>initialized</c>. Why: the runtime compiles hot code again, optimised, only after a method has been
/// called about thirty times and a short quiet period has passed; without this the first few dozen keystrokes the user
/// types pay for that (measured with lspbench: the first quarter of 100 edits took 3.1 ms against 2.0 ms for the last
/// quarter at 100 lines). The sample lives only here: it never enters the workspace, is never published, and does no IO
/// (an <c>untitled:</c> URI has no build context). Edits are paced a few milliseconds apart so the work spans the runtime's
/// quiet period instead of finishing inside it, and they yield to the real work on a two-core machine. Cancelled at shutdown;
/// failures are logged and otherwise ignored: warming up is an optimisation, never a dependency.
/// </summary>
internal sealed class AnalysisWarmUp(LanguageServices services, JsonSerializerOptions serializerOptions)
{
    private const string SampleUri = "untitled:dockerlsp-warm-up/Dockerfile";

    /// <summary>Number of edits: more than the runtime's call-count threshold (30) for every method on the path.</summary>
    internal const int EditCount = 48;

    /// <summary>Pause between edits: spreads the edits over ≈ 200 ms, past the runtime's 100 ms quiet period.</summary>
    internal static readonly TimeSpan Pause = TimeSpan.FromMilliseconds(4);

    /// <summary>How many edits the last run analysed (for tests and the debug log).</summary>
    public int EditsAnalysed { get; private set; }

    /// <summary>How many findings the last analysed edit had (the sample has some: the rules really ran).</summary>
    public int LastFindingCount { get; private set; }

    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a run <see cref="StartAsync"/> started has ended (for tests: pending until then). Never faults.</summary>
    public Task Completion => _completion.Task;

    /// <summary>Starts the warm-up on the thread pool and returns its task at once.</summary>
    public Task StartAsync(ClientSession session, CancellationToken cancellationToken) =>
        Task.Run(async () =>
        {
            await RunAsync(session, cancellationToken).ConfigureAwait(false);
            _completion.TrySetResult();
        }, CancellationToken.None);

    /// <summary>The warm-up itself: <see cref="EditCount"/> edits, each analysed, converted and serialized.</summary>
    internal async Task RunAsync(ClientSession session, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            var document = Document.Create(SampleUri, 1, LoadSample(), isOpen: true, cancellationToken);
            var targets = RunKeywordEnds(document);
            var typeInfo = (JsonTypeInfo<PublishDiagnosticsParams>)serializerOptions.GetTypeInfo(typeof(PublishDiagnosticsParams));
            var buffer = new ArrayBufferWriter<byte>(4096);
            LspRange? pending = null;
            for (var edit = 0; edit < EditCount; edit++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                // Type a letter after a RUN keyword, then delete it again: the document returns to the sample every two edits.
                LspRange range;
                string newText;
                if (pending is null)
                {
                    var position = ProtocolConversions.ToPosition(document.Text, targets[(edit / 2) % targets.Count], session.Encoding);
                    range = new LspRange(position, position);
                    pending = new LspRange(position, position with { Character = position.Character + 1 });
                    newText = "x";
                }
                else
                {
                    range = pending;
                    pending = null;
                    newText = string.Empty;
                }
                var encoding = session.Encoding;
                document = document.WithChanges(document.Version + 1, [new DocumentChange(text => ProtocolConversions.ToSpan(text, range, encoding), newText)], cancellationToken);
                var analysis = services.Diagnostics.GetAnalysis(document, services.Workspace.CurrentSnapshot.Settings, cancellationToken);
                var items = analysis.Diagnostics.Select(d => LspMapper.ToDiagnostic(document, d, encoding, session.SupportsRelatedInformation)).ToArray();
                buffer.Clear();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    JsonSerializer.Serialize(writer, new PublishDiagnosticsParams(document.Uri, document.Version, items), typeInfo);
                }
                EditsAnalysed = edit + 1;
                LastFindingCount = items.Length;
                await Task.Delay(Pause, cancellationToken).ConfigureAwait(false);
            }
            services.Log.Debug("Warm-up: {Edits} edits analysed in {Elapsed:F0} ms ({Findings} findings each)", EditsAnalysed,
                System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, LastFindingCount);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
        catch (Exception exception)
        {
            services.Log.Warning(exception, "Warm-up failed after {Edits} edits; the server works without it", EditsAnalysed);
        }
    }

    /// <summary>The sample Dockerfile, embedded in this assembly (Hosting/WarmUp.Dockerfile).</summary>
    internal static string LoadSample()
    {
        using var stream = typeof(AnalysisWarmUp).Assembly.GetManifestResourceStream("DockerLsp.Server.WarmUp.Dockerfile")
            ?? throw new InvalidOperationException("The warm-up sample is not embedded in the server assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Offsets just after each RUN keyword of the sample, found through its syntax tree.</summary>
    private static List<int> RunKeywordEnds(Document document)
    {
        var targets = new List<int>();
        foreach (var instruction in document.Tree.Root.Instructions)
        {
            if (instruction.Kind == SyntaxKind.RunInstruction) targets.Add(instruction.Keyword.Span.End);
        }
        return targets.Count > 0 ? targets : [0];
    }
}
