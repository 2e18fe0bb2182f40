using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DockerLsp.Registry.Tests;

/// <summary>
/// A tiny HTTP/1.1 server on 127.0.0.1 (random port) for failure modes a real registry will not produce on demand:
/// canned 429s, malformed challenges, and a server that accepts connections but never answers (handler returns null).
/// One request per connection (<c>Connection: close</c>); every request is recorded.
/// </summary>
internal sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Func<LoopbackRequest, LoopbackResponse?> _handler;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<LoopbackRequest> _requests = new();
    private readonly ConcurrentBag<TcpClient> _connections = [];
    private readonly Task _acceptLoop;

    public LoopbackHttpServer(Func<LoopbackRequest, LoopbackResponse?> handler)
    {
        _handler = handler;
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _acceptLoop = AcceptLoopAsync();
    }

    public int Port { get; }

    public string Authority => "127.0.0.1:" + Port.ToString(CultureInfo.InvariantCulture);

    public Uri BaseUri => new("http://" + Authority + "/");

    public IReadOnlyList<LoopbackRequest> Requests => [.. _requests];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }

        try
        {
            await _acceptLoop;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>A port on 127.0.0.1 that nothing listens on (bound, then released).</summary>
    public static int UnusedPort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _connections.Add(client);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            using (client)
            {
                var stream = client.GetStream();
                var request = await ReadRequestAsync(stream, _stop.Token);
                if (request is null)
                {
                    return;
                }

                _requests.Enqueue(request);
                var response = _handler(request);
                if (response is null)
                {
                    await Task.Delay(Timeout.Infinite, _stop.Token); // the "never answers" server
                    return;
                }

                await stream.WriteAsync(response.Serialize(request.Method == "HEAD"), _stop.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // the client went away or the server is stopping
        }
    }

    private static async Task<LoopbackRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        var one = new byte[1];
        while (buffer.Count < 64 * 1024)
        {
            if (await stream.ReadAsync(one, cancellationToken) == 0)
            {
                return null;
            }

            buffer.Add(one[0]);
            if (buffer.Count >= 4 && buffer[^1] == '\n' && buffer[^2] == '\r' && buffer[^3] == '\n' && buffer[^4] == '\r')
            {
                break;
            }
        }

        var lines = Encoding.ASCII.GetString(buffer.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0].Split(' ');
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var body = Array.Empty<byte>();
        if (headers.TryGetValue("Content-Length", out var length) && int.Parse(length, CultureInfo.InvariantCulture) is > 0 and var size)
        {
            body = new byte[size];
            await stream.ReadExactlyAsync(body, cancellationToken);
        }

        return new LoopbackRequest(requestLine[0], requestLine[1], headers, body);
    }
}

/// <summary>A request as the loopback server saw it.</summary>
internal sealed record LoopbackRequest(string Method, string Target, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Path => Target.Split('?')[0];

    public string Query => Target.Contains('?', StringComparison.Ordinal) ? Target[(Target.IndexOf('?', StringComparison.Ordinal) + 1)..] : "";

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;
}

/// <summary>A canned response.</summary>
internal sealed record LoopbackResponse(int Status, IReadOnlyList<(string Name, string Value)> Headers, byte[] Body)
{
    public static LoopbackResponse Json(int status, string json, params (string, string)[] headers) =>
        new(status, [("Content-Type", "application/json"), .. headers], Encoding.UTF8.GetBytes(json));

    public byte[] Serialize(bool headOnly)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {Status} {ReasonPhrase(Status)}\r\n");
        foreach (var (name, value) in Headers)
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"Content-Length: {Body.Length}\r\nConnection: close\r\n\r\n");
        var head = Encoding.ASCII.GetBytes(text.ToString());
        return headOnly ? head : [.. head, .. Body];
    }

    private static string ReasonPhrase(int status) => status switch
    {
        200 => "OK",
        401 => "Unauthorized",
        404 => "Not Found",
        429 => "Too Many Requests",
        _ => "Status",
    };
}
