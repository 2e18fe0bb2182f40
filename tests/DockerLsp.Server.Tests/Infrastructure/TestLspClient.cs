using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DockerLsp.Server;
using Nerdbank.Streams;
using Serilog;

namespace DockerLsp.Server.Tests.Infrastructure;

/// <summary>
/// A raw LSP client over an in-process pipe pair: it frames JSON itself (so tests can also send malformed bytes), records
/// every notification and server request, answers server requests with <see cref="ServerRequestHandler"/>, and matches
/// responses by id. Every wait has a timeout so a broken server fails a test instead of hanging it.
/// </summary>
internal sealed class TestLspClient : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Polls <paramref name="condition"/> until it holds; fails the test with <paramref name="failure"/> after <see cref="Timeout"/>.</summary>
    public static Task WaitUntilAsync(Func<bool> condition, string failure) => WaitUntilAsync(() => Task.FromResult(condition()), failure);

    /// <inheritdoc cref="WaitUntilAsync(Func{bool}, string)"/>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure);
            await Task.Delay(10);
        }
    }

    private readonly Stream _stream;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _responses = new();
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Task _readLoop;
    private int _nextId;

    private readonly LanguageServer? _server;

    private TestLspClient(Stream stream, LanguageServer? server, Task<int> run)
    {
        _stream = stream;
        _server = server;
        Run = run;
        _readLoop = Task.Run(ReadLoopAsync);
    }

    /// <summary>The in-process server (not available for a server in another process, see <see cref="Connect"/>).</summary>
    public LanguageServer Server => _server ?? throw new InvalidOperationException("The server runs in another process.");
    public Task<int> Run { get; }
    public ConcurrentQueue<JsonObject> Notifications { get; } = new();
    public ConcurrentQueue<JsonObject> ServerRequests { get; } = new();
    public event Action<JsonObject>? NotificationReceived;

    /// <summary>Answers requests from the server (method, params) → result; null result by default.</summary>
    public Func<string, JsonNode?, JsonNode?> ServerRequestHandler { get; set; } = (_, _) => null;

    /// <summary>
    /// When set, answers server requests instead of <see cref="ServerRequestHandler"/>, off the reading loop: an answer may
    /// wait (e.g. for the test to release it) while the client keeps receiving the server's other messages.
    /// </summary>
    public Func<string, JsonNode?, Task<JsonNode?>>? DeferredServerRequestHandler { get; set; }

    public static TestLspClient Start(LanguageServerOptions? options = null)
    {
        var (clientStream, serverStream) = FullDuplexStream.CreatePair();
        var log = new LoggerConfiguration().MinimumLevel.Warning().CreateLogger();
        var server = new LanguageServer(serverStream, serverStream, options ?? new LanguageServerOptions(), log);
        var run = server.RunAsync();
        return new TestLspClient(clientStream, server, run);
    }

    /// <summary>A client for a server that runs elsewhere (e.g. the real apphost over its stdin/stdout); <paramref name="run"/> completes with its exit code.</summary>
    public static TestLspClient Connect(Stream stream, Task<int> run) => new(stream, null, run);

    /// <summary>Starts a server and completes the handshake with the given client capabilities.</summary>
    public static async Task<TestLspClient> StartInitializedAsync(JsonObject? capabilities = null, LanguageServerOptions? options = null)
    {
        var client = Start(options);
        var result = await client.RequestAsync("initialize", new JsonObject { ["processId"] = null, ["capabilities"] = capabilities ?? Capabilities.Minimal() });
        Assert.Null(result["error"]);
        await client.NotifyAsync("initialized", new JsonObject());
        return client;
    }

    public async Task<JsonObject> RequestAsync(string method, JsonNode? parameters, int? id = null)
    {
        var requestId = id ?? Interlocked.Increment(ref _nextId);
        var completion = _responses.GetOrAdd(requestId, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously));
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = requestId, ["method"] = method };
        if (parameters is not null) message["params"] = parameters;
        await SendAsync(message);
        try
        {
            return await completion.Task.WaitAsync(Timeout);
        }
        catch (TimeoutException)
        {
            // Say which request went unanswered: a test may send several.
            throw new TimeoutException($"No answer to '{method}' (id {requestId}) within {Timeout.TotalSeconds:0} s.");
        }
    }

    /// <summary>Sends a request without waiting; the returned task completes with the response.</summary>
    public (int Id, Task<JsonObject> Response) StartRequest(string method, JsonNode? parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var completion = _responses.GetOrAdd(id, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously));
        var message = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters };
        _ = SendAsync(message);
        return (id, completion.Task.WaitAsync(Timeout));
    }

    /// <summary>Waits for the response to a request whose id the test chose (used after raw sends).</summary>
    public Task<JsonObject> ResponseFor(int id) =>
        _responses.GetOrAdd(id, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously)).Task.WaitAsync(Timeout);

    public Task NotifyAsync(string method, JsonNode? parameters) =>
        SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    public Task SendAsync(JsonObject message) => SendRawAsync(Frame(Encoding.UTF8.GetBytes(message.ToJsonString())));

    public static byte[] Frame(byte[] body) => [.. Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n"), .. body];

    public async Task SendRawAsync(byte[] bytes)
    {
        await _writeLock.WaitAsync();
        try
        {
            await _stream.WriteAsync(bytes);
            await _stream.FlushAsync();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    /// <summary>Waits for a notification of <paramref name="method"/> matching <paramref name="predicate"/> (already received ones count).</summary>
    public async Task<JsonObject> WaitForNotificationAsync(string method, Func<JsonObject, bool>? predicate = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? Timeout);
        while (DateTime.UtcNow < deadline)
        {
            var found = Notifications.FirstOrDefault(n => (string?)n["method"] == method && (predicate?.Invoke(n) ?? true));
            if (found is not null) return found;
            await Task.Delay(5);
        }
        throw new TimeoutException($"No {method} notification arrived in time.");
    }

    /// <summary>Waits for a request of <paramref name="method"/> from the server (already received ones count).</summary>
    public async Task<JsonObject> WaitForServerRequestAsync(string method)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            var found = ServerRequests.FirstOrDefault(r => (string?)r["method"] == method);
            if (found is not null) return found;
            await Task.Delay(5);
        }
        throw new TimeoutException($"The server sent no {method} request in time.");
    }

    public void ClearNotifications() => Notifications.Clear();

    public async Task ShutdownAndExitAsync()
    {
        await RequestAsync("shutdown", null);
        await NotifyAsync("exit", null);
    }

    public void CloseInput() => _stream.Dispose();

    private async Task ReadLoopAsync()
    {
        var buffer = new List<byte>();
        var chunk = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var read = await _stream.ReadAsync(chunk);
                if (read == 0) return;
                buffer.AddRange(chunk.AsSpan(0, read));
                while (TryTakeFrame(buffer, out var body)) Dispatch(JsonNode.Parse(body)!.AsObject());
            }
        }
        catch (ObjectDisposedException)
        {
            // The test closed the connection.
        }
        catch (IOException)
        {
            // The server closed the connection.
        }
    }

    private void Dispatch(JsonObject message)
    {
        if (message.ContainsKey("method"))
        {
            if (message.ContainsKey("id"))
            {
                ServerRequests.Enqueue(message);
                if (DeferredServerRequestHandler is { } deferred)
                {
                    _ = AnswerLaterAsync(deferred, message);
                    return;
                }
                var result = ServerRequestHandler((string)message["method"]!, message["params"]);
                _ = SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = message["id"]!.DeepClone(), ["result"] = result });
            }
            else
            {
                Notifications.Enqueue(message);
                NotificationReceived?.Invoke(message);
            }
            return;
        }
        if (message["id"] is JsonValue id && id.TryGetValue<int>(out var value))
        {
            _responses.GetOrAdd(value, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(message);
        }
        else
        {
            // Errors for unparseable messages carry id null.
            _responses.GetOrAdd(-1, _ => new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(message);
        }
    }

    private async Task AnswerLaterAsync(Func<string, JsonNode?, Task<JsonNode?>> handler, JsonObject request)
    {
        var result = await handler((string)request["method"]!, request["params"]?.DeepClone());
        await SendAsync(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = request["id"]!.DeepClone(), ["result"] = result });
    }

    private static bool TryTakeFrame(List<byte> buffer, out string body)
    {
        body = string.Empty;
        var text = Encoding.ASCII.GetString(buffer.ToArray());
        var headerEnd = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        if (headerEnd < 0) return false;
        var lengthLine = text[..headerEnd].Split("\r\n").First(l => l.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase));
        var length = int.Parse(lengthLine["Content-Length:".Length..].Trim());
        if (buffer.Count < headerEnd + 4 + length) return false;
        body = Encoding.UTF8.GetString(buffer.GetRange(headerEnd + 4, length).ToArray());
        buffer.RemoveRange(0, headerEnd + 4 + length);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        if (_server is not null) await _server.DisposeAsync();
        await _readLoop.WaitAsync(TimeSpan.FromSeconds(5)).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}

/// <summary>Client-capability objects for the tests: a minimal client, Neovim-0.7-like (push), and VS Code-like (pull).</summary>
internal static class Capabilities
{
    public static JsonObject Minimal() => new();

    public static JsonObject Push(string? encoding = null, bool literals = true) => new()
    {
        ["general"] = encoding is null ? null : new JsonObject { ["positionEncodings"] = new JsonArray(encoding, "utf-16") },
        ["textDocument"] = new JsonObject
        {
            ["publishDiagnostics"] = new JsonObject { ["versionSupport"] = true, ["relatedInformation"] = true },
            ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("markdown", "plaintext") },
            ["codeAction"] = literals ? new JsonObject { ["codeActionLiteralSupport"] = new JsonObject { ["codeActionKind"] = new JsonObject { ["valueSet"] = new JsonArray("quickfix", "refactor", "source") } } } : new JsonObject(),
        },
        ["workspace"] = new JsonObject { ["applyEdit"] = true },
    };

    public static JsonObject Pull() => new()
    {
        ["textDocument"] = new JsonObject
        {
            ["diagnostic"] = new JsonObject { ["dynamicRegistration"] = false },
            ["hover"] = new JsonObject { ["contentFormat"] = new JsonArray("plaintext") },
            ["codeAction"] = new JsonObject
            {
                ["codeActionLiteralSupport"] = new JsonObject { ["codeActionKind"] = new JsonObject { ["valueSet"] = new JsonArray("quickfix", "refactor", "source") } },
                ["resolveSupport"] = new JsonObject { ["properties"] = new JsonArray("edit") },
                ["dataSupport"] = true,
            },
        },
        ["workspace"] = new JsonObject { ["configuration"] = true, ["applyEdit"] = true, ["didChangeWatchedFiles"] = new JsonObject { ["dynamicRegistration"] = true } },
    };
}

/// <summary>Builders for common LSP parameter objects.</summary>
internal static class Lsp
{
    public const string Uri = "file:///work/Dockerfile";

    public static JsonObject Position(int line, int character) => new() { ["line"] = line, ["character"] = character };

    public static JsonObject Range(int startLine, int startCharacter, int endLine, int endCharacter) =>
        new() { ["start"] = Position(startLine, startCharacter), ["end"] = Position(endLine, endCharacter) };

    public static JsonObject DidOpen(string text, int version = 1, string uri = Uri) =>
        new() { ["textDocument"] = new JsonObject { ["uri"] = uri, ["languageId"] = "dockerfile", ["version"] = version, ["text"] = text } };

    public static JsonObject DidChange(int version, JsonObject range, string text, string uri = Uri) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
        ["contentChanges"] = new JsonArray(new JsonObject { ["range"] = range, ["text"] = text }),
    };

    public static JsonObject DidChangeFull(int version, string text, string uri = Uri) => new()
    {
        ["textDocument"] = new JsonObject { ["uri"] = uri, ["version"] = version },
        ["contentChanges"] = new JsonArray(new JsonObject { ["text"] = text }),
    };

    public static JsonObject AtPosition(int line, int character, string uri = Uri) =>
        new() { ["textDocument"] = new JsonObject { ["uri"] = uri }, ["position"] = Position(line, character) };

    public static int? ErrorCode(JsonObject response) => (int?)response["error"]?["code"];
}
