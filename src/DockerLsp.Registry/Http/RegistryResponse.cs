using System.Net;

namespace DockerLsp.Registry;

/// <summary>
/// A completed HTTP exchange, detached from HttpClient: status, all headers (response and content, case-insensitive)
/// and the body, already read and capped. <see cref="FinalUri"/> is the URI after redirects.
/// </summary>
internal sealed class RegistryResponse
{
    private readonly Dictionary<string, List<string>> _headers;

    public RegistryResponse(HttpStatusCode status, Uri finalUri, Dictionary<string, List<string>> headers, byte[] body)
    {
        Status = status;
        FinalUri = finalUri;
        _headers = headers;
        Body = body;
    }

    public HttpStatusCode Status { get; }

    public Uri FinalUri { get; }

    public byte[] Body { get; }

    public bool IsSuccess => (int)Status is >= 200 and < 300;

    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name) =>
        _headers.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>All values of a header (each header line is one value; no comma splitting, which would break challenges).</summary>
    public IReadOnlyList<string> Headers(string name) =>
        _headers.TryGetValue(name, out var values) ? values : [];

    internal static Dictionary<string, List<string>> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.NonValidated)
        {
            Add(headers, name, values);
        }

        foreach (var (name, values) in response.Content.Headers.NonValidated)
        {
            Add(headers, name, values);
        }

        return headers;
    }

    private static void Add(Dictionary<string, List<string>> headers, string name, System.Net.Http.Headers.HeaderStringValues values)
    {
        if (!headers.TryGetValue(name, out var list))
        {
            list = [];
            headers[name] = list;
        }

        list.AddRange(values);
    }
}
