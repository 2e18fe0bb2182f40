using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Authentication;

namespace DockerLsp.Registry;

/// <summary>
/// Performs one logical HTTP request with the client's safety rules: the scheme policy, a per-exchange timeout,
/// redirects handled by hand (at most <see cref="RegistryClientOptions.MaxRedirects"/>, never to a disallowed scheme,
/// Authorization dropped when the host changes), and a hard cap on body size. Network failures become
/// <see cref="RegistryError"/>s; HTTP error statuses are returned as responses for the caller to interpret.
/// </summary>
internal sealed class RegistryTransport
{
    // Error bodies are only read for their message; no need to hold more.
    private const long MaxErrorBodyBytes = 64 * 1024;

    private readonly HttpMessageInvoker _http;
    private readonly RegistryClientOptions _options;
    private readonly SchemePolicy _schemes;
    private readonly RegistryLog _log;
    private readonly TimeProvider _time;

    public RegistryTransport(HttpMessageInvoker http, RegistryClientOptions options, SchemePolicy schemes, RegistryLog log, TimeProvider time)
    {
        _http = http;
        _options = options;
        _schemes = schemes;
        _log = log;
        _time = time;
    }

    public SchemePolicy Schemes => _schemes;

    public async Task<RegistryResult<RegistryResponse>> SendAsync(RegistryRequest request, CancellationToken cancellationToken)
    {
        if (!_schemes.IsAllowed(request.Uri))
        {
            return RegistryError.InsecureRefused(
                $"refusing plain HTTP to {request.Uri.Authority}: only loopback hosts and registries listed as insecure may use http://");
        }

        var uri = request.Uri;
        var authorization = request.Authorization;
        for (var redirects = 0; ; redirects++)
        {
            var hop = await SendOnceAsync(request, uri, authorization, cancellationToken).ConfigureAwait(false);
            if (!hop.IsSuccess || hop.Value.RedirectTo is not { } location)
            {
                return hop.IsSuccess ? RegistryResult<RegistryResponse>.Success(hop.Value.Response!, RegistryResultOrigin.Network, _time.GetUtcNow()) : hop.Error;
            }

            if (redirects >= _options.MaxRedirects)
            {
                return RegistryError.InvalidResponse(
                    $"{request.Uri.Authority} redirected more than {_options.MaxRedirects} times ({request}); giving up");
            }

            var target = new Uri(uri, location);
            if (uri.Scheme == Uri.UriSchemeHttps && target.Scheme != Uri.UriSchemeHttps || !_schemes.IsAllowed(target))
            {
                return RegistryError.InsecureRefused(
                    $"refusing to follow a redirect from {uri.Authority} to {target.Scheme}://{target.Authority}: redirects may not lead to plain HTTP");
            }

            // Credentials are for the registry that asked for them, not for a CDN or another host it sends us to.
            if (!string.Equals(target.Authority, uri.Authority, StringComparison.OrdinalIgnoreCase) || target.Scheme != uri.Scheme)
            {
                authorization = null;
            }

            _log.Write($"{request.Method} redirected to {RegistryLog.Describe(target)}");
            uri = target;
        }
    }

    private async Task<RegistryResult<Hop>> SendOnceAsync(
        RegistryRequest request, Uri uri, AuthenticationHeaderValue? authorization, CancellationToken cancellationToken)
    {
        // Handlers are not obliged to observe an already-cancelled token; the caller's cancellation must still win.
        cancellationToken.ThrowIfCancellationRequested();
        using var message = new HttpRequestMessage(request.Method, uri);
        message.Headers.UserAgent.ParseAdd(_options.UserAgent);
        foreach (var accept in request.Accept)
        {
            message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        message.Headers.Authorization = authorization;

        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        var started = Stopwatch.GetTimestamp();
        try
        {
            using var response = await _http.SendAsync(message, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            var location = status is 301 or 302 or 303 or 307 or 308 ? response.Headers.Location : null;
            var cap = response.IsSuccessStatusCode ? request.MaxBodyBytes : Math.Min(request.MaxBodyBytes, MaxErrorBodyBytes);
            var body = location is null && request.Method != HttpMethod.Head
                ? await ReadCappedAsync(response.Content, cap, linked.Token).ConfigureAwait(false)
                : [];
            _log.Write($"{request.Method} {RegistryLog.Describe(uri)} -> {status} ({Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms)");
            if (body is null)
            {
                return RegistryError.InvalidResponse(
                    $"{uri.Authority} sent more than {cap} bytes for {request.Method} {uri.AbsolutePath}; the response was rejected");
            }

            if (status is >= 300 and < 400 && location is null && status != 304)
            {
                return RegistryError.InvalidResponse($"{uri.Authority} answered {status} without a Location header");
            }

            var headers = RegistryResponse.CollectHeaders(response);
            return RegistryResult<Hop>.Success(
                new Hop(location is null ? new RegistryResponse(response.StatusCode, uri, headers, body) : null, location),
                RegistryResultOrigin.Network,
                _time.GetUtcNow());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            _log.Write($"{request.Method} {RegistryLog.Describe(uri)} timed out after {_options.RequestTimeout.TotalSeconds:0.###} s");
            return RegistryError.Timeout(
                $"{uri.Authority} did not answer within {_options.RequestTimeout.TotalSeconds:0.###} s ({request.Method} {uri.AbsolutePath})");
        }
        catch (HttpRequestException exception)
        {
            _log.Write($"{request.Method} {RegistryLog.Describe(uri)} failed: {Describe(exception)}");
            return RegistryError.Unreachable($"cannot reach {uri.Authority}: {Describe(exception)}");
        }
        catch (IOException exception)
        {
            _log.Write($"{request.Method} {RegistryLog.Describe(uri)} failed while reading: {exception.Message}");
            return RegistryError.Unreachable($"connection to {uri.Authority} broke off: {exception.Message}");
        }
    }

    /// <summary>Reads at most <paramref name="cap"/> bytes; null when the body is larger (checked by Content-Length first when present).</summary>
    private static async Task<byte[]?> ReadCappedAsync(HttpContent content, long cap, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength is long declared && declared > cap)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        while (true)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return buffer.ToArray();
            }

            if (buffer.Length + read > cap)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }
    }

    private static string Describe(HttpRequestException exception)
    {
        var socketError = FindInner<SocketException>(exception)?.SocketErrorCode;
        return socketError switch
        {
            SocketError.ConnectionRefused => "connection refused (is the registry running?)",
            SocketError.HostNotFound or SocketError.NoData or SocketError.TryAgain => "host name not found (DNS)",
            SocketError.NetworkUnreachable or SocketError.HostUnreachable => "network unreachable",
            SocketError.ConnectionReset => "connection reset by the server",
            _ when FindInner<AuthenticationException>(exception) is { } tls => "TLS handshake failed: " + tls.Message,
            _ => exception.HttpRequestError switch
            {
                HttpRequestError.ResponseEnded => "the server closed the connection without a complete response",
                HttpRequestError.InvalidResponse => "the server did not speak valid HTTP",
                HttpRequestError.SecureConnectionError => "TLS connection failed",
                _ => exception.Message,
            },
        };
    }

    private static T? FindInner<T>(Exception exception)
        where T : Exception
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is T match)
            {
                return match;
            }
        }

        return null;
    }

    /// <summary>One exchange: either a final response or a redirect location.</summary>
    private sealed record Hop(RegistryResponse? Response, Uri? RedirectTo);
}
