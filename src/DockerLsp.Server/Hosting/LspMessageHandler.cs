using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using Serilog;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace DockerLsp.Server.Hosting;

/// <summary>
/// StreamJsonRpc message handler for the LSP base protocol that keeps serving after bad input. StreamJsonRpc's own handler
/// disconnects on a parse error; this one answers malformed JSON with a -32700 error response (id null), a valid JSON value
/// that is not a JSON-RPC message with -32600, skips header garbage, and recovers from a Content-Length that was too large
/// by restarting at the next <c>Content-Length:</c> found inside the bad body. Reads return null at end of input.
/// </summary>
internal sealed class LspMessageHandler : MessageHandlerBase
{
    private readonly PipeReader _reader;
    private readonly Stream _output;
    private readonly ILogger _log;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ArrayBufferWriter<byte> _body = new(4096);

    public LspMessageHandler(Stream input, Stream output, IJsonRpcMessageFormatter formatter, ILogger log) : base(formatter)
    {
        _reader = PipeReader.Create(input, new StreamPipeReaderOptions(bufferSize: 64 * 1024));
        _output = output;
        _log = log;
    }

    public override bool CanRead => true;
    public override bool CanWrite => true;

    protected override async ValueTask<JsonRpcMessage?> ReadCoreAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var status = LspFrameReader.TryRead(buffer, out var body, out var consumed, out var error);
            switch (status)
            {
                case FrameStatus.Frame:
                    var message = TryDeserialize(body, out var bodyError, out var restartAt);
                    if (message is not null)
                    {
                        _reader.AdvanceTo(consumed);
                        return message;
                    }
                    var next = restartAt >= 0 ? buffer.GetPosition(restartAt, body.Start) : consumed;
                    _reader.AdvanceTo(next);
                    await WriteErrorAsync(bodyError!.Value.Code, bodyError.Value.Message, bodyError.Value.Id, cancellationToken).ConfigureAwait(false);
                    continue;
                case FrameStatus.Skipped:
                    _log.Warning("LSP input: {Problem}", error);
                    _reader.AdvanceTo(consumed);
                    continue;
                default:
                    if (result.IsCompleted)
                    {
                        if (buffer.Length > 0) _log.Warning("LSP input ended inside a message ({Bytes} bytes left)", buffer.Length);
                        _reader.AdvanceTo(buffer.End);
                        return null;
                    }
                    _reader.AdvanceTo(buffer.Start, buffer.End);
                    continue;
            }
        }
    }

    private JsonRpcMessage? TryDeserialize(ReadOnlySequence<byte> body, out (int Code, string Message, JsonElement? Id)? error, out long restartAt)
    {
        error = null;
        restartAt = -1;
        try
        {
            return Formatter.Deserialize(body);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var (code, id) = Classify(body);
            _log.Warning("LSP input: {Kind} ({Bytes} bytes): {Error}", code == JsonRpcErrorCode.ParseError ? "malformed JSON" : "not a JSON-RPC message", body.Length, exception.Message);
            error = ((int)code, code == JsonRpcErrorCode.ParseError ? "Parse error: the message is not valid JSON." : "Invalid request: not a JSON-RPC 2.0 message.", id);
            // A Content-Length that was too large swallows the start of the next frame: resume there.
            if (code == JsonRpcErrorCode.ParseError) restartAt = LspFrameReader.IndexOfHeader(body, 1);
            return null;
        }
    }

    private static (JsonRpcErrorCode Code, JsonElement? Id) Classify(ReadOnlySequence<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            JsonElement? id = document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var value) ? value.Clone() : null;
            return (JsonRpcErrorCode.InvalidRequest, id);
        }
        catch (JsonException)
        {
            return (JsonRpcErrorCode.ParseError, null);
        }
    }

    private async Task WriteErrorAsync(int code, string message, JsonElement? id, CancellationToken cancellationToken)
    {
        var json = $"{{\"jsonrpc\":\"2.0\",\"id\":{(id is { } value ? value.GetRawText() : "null")},\"error\":{{\"code\":{code},\"message\":\"{JsonEncodedText.Encode(message)}\"}}}}";
        var bytes = Encoding.UTF8.GetBytes(json);
        await WriteFrameAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    protected override async ValueTask WriteCoreAsync(JsonRpcMessage content, CancellationToken cancellationToken)
    {
        // Called under the base class's send lock; _body is therefore not shared concurrently.
        _body.Clear();
        Formatter.Serialize(_body, content);
        await WriteFrameAsync(_body.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Frames up to this size are written with one call; larger ones are not copied just to save a call.</summary>
    private const int SingleWriteLimit = 64 * 1024;

    private async Task WriteFrameAsync(ReadOnlyMemory<byte> body, CancellationToken cancellationToken)
    {
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (body.Length <= SingleWriteLimit)
            {
                // One write per message: the client wakes up once, with the whole frame (a separate header write costs
                // a system call and, on the client side, a read that cannot complete the message yet).
                var frame = new byte[header.Length + body.Length];
                header.CopyTo(frame, 0);
                body.Span.CopyTo(frame.AsSpan(header.Length));
                await _output.WriteAsync(frame, cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _output.WriteAsync(header, cancellationToken).ConfigureAwait(false);
                await _output.WriteAsync(body, cancellationToken).ConfigureAwait(false);
            }
            await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _writeLock.Release();
        }
    }

    protected override ValueTask FlushAsync(CancellationToken cancellationToken) => default;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Complete();
            _writeLock.Dispose();
        }
        base.Dispose(disposing);
    }
}
