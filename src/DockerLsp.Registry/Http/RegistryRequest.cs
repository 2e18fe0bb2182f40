namespace DockerLsp.Registry;

/// <summary>
/// What to send: method, absolute URI, Accept list, optional Authorization value and the body cap.
/// <see cref="Authorization"/> is a secret: it is never logged and is dropped when a redirect changes the host.
/// </summary>
internal sealed record RegistryRequest(HttpMethod Method, Uri Uri, long MaxBodyBytes)
{
    public IReadOnlyList<string> Accept { get; init; } = [];

    public System.Net.Http.Headers.AuthenticationHeaderValue? Authorization { get; init; }

    public override string ToString() => $"{Method} {RegistryLog.Describe(Uri)}";
}
