using System.Net;
using System.Net.Http.Headers;

namespace DockerLsp.Registry.Tests;

/// <summary>
/// An in-memory HTTP stack for unit tests: answers every request with the test's function and records what was sent
/// (method, URI, Authorization, Accept). Nothing touches a socket.
/// </summary>
internal sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage> _respond;
    private readonly List<RecordedRequest> _requests = [];

    public FakeHttpHandler(Func<HttpRequestMessage, HttpResponseMessage> respond) => _respond = respond;

    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public int Count(Func<RecordedRequest, bool> predicate) => Requests.Count(predicate);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(
                request.Method,
                request.RequestUri!,
                request.Headers.Authorization?.ToString(),
                request.Headers.Accept.Select(a => a.MediaType!).ToList()));
        }

        var response = _respond(request);
        response.RequestMessage = request;
        return Task.FromResult(response);
    }
}

/// <summary>What the client sent in one request.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Authorization, IReadOnlyList<string> Accept)
{
    public string Path => Uri.AbsolutePath;
}

/// <summary>Builders for the responses a registry sends.</summary>
internal static class Respond
{
    public static HttpResponseMessage Status(HttpStatusCode status, params (string Name, string Value)[] headers)
    {
        var response = new HttpResponseMessage(status) { Content = new ByteArrayContent([]) };
        foreach (var (name, value) in headers)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    public static HttpResponseMessage Bytes(HttpStatusCode status, byte[] body, string? contentType, params (string Name, string Value)[] headers)
    {
        var response = Status(status, headers);
        response.Content = new ByteArrayContent(body);
        if (contentType is not null)
        {
            response.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        }

        foreach (var (name, value) in headers)
        {
            if (!response.Headers.Contains(name))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return response;
    }

    public static HttpResponseMessage Json(HttpStatusCode status, string json, params (string Name, string Value)[] headers) =>
        Bytes(status, System.Text.Encoding.UTF8.GetBytes(json), "application/json", headers);

    /// <summary>A manifest answer as a registry gives it: Content-Type and Docker-Content-Digest; no body for HEAD.</summary>
    public static HttpResponseMessage Manifest(HttpRequestMessage request, byte[] body, string mediaType, string? digestHeader = null)
    {
        digestHeader ??= OciDigest.Sha256Of(body).ToString();
        return Bytes(HttpStatusCode.OK, request.Method == HttpMethod.Head ? [] : body, mediaType, ("Docker-Content-Digest", digestHeader));
    }

    public static HttpResponseMessage NotFound() =>
        Json(HttpStatusCode.NotFound, """{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}""");
}
