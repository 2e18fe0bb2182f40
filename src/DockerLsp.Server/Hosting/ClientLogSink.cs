using DockerLsp.Server.Protocol;
using Serilog.Core;
using Serilog.Events;

namespace DockerLsp.Server.Hosting;

/// <summary>
/// Forwards warnings and errors to the editor's log with <c>window/logMessage</c> once a client is attached. Messages are
/// rendered without document contents (the server never puts contents in log events). Failures to send are dropped
/// silently on purpose: logging them would loop back here.
/// </summary>
internal sealed class ClientLogSink : ILogEventSink
{
    private volatile ILanguageClient? _client;

    public void Attach(ILanguageClient client) => _client = client;

    public void Emit(LogEvent logEvent)
    {
        var client = _client;
        if (client is null || logEvent.Level < LogEventLevel.Warning) return;
        var type = logEvent.Level >= LogEventLevel.Error ? 1 : 2;
        var message = logEvent.RenderMessage() + (logEvent.Exception is { } exception ? $" ({exception.GetType().Name}: {exception.Message})" : string.Empty);
        _ = client.NotifyAsync("window/logMessage", new LogMessageParams(type, message)).ContinueWith(static _ => { }, TaskScheduler.Default);
    }
}
