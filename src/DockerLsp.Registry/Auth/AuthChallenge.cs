namespace DockerLsp.Registry;

/// <summary>
/// One challenge from a <c>WWW-Authenticate</c> header (RFC 9110 §11.6.1): a scheme such as <c>Bearer</c> or <c>Basic</c>
/// with either auth-params (names compared case-insensitively, values unquoted and unescaped) or a token68.
/// </summary>
internal sealed record AuthChallenge(string Scheme, IReadOnlyDictionary<string, string> Parameters, string? Token68 = null)
{
    public bool IsBearer => string.Equals(Scheme, "Bearer", StringComparison.OrdinalIgnoreCase);

    public bool IsBasic => string.Equals(Scheme, "Basic", StringComparison.OrdinalIgnoreCase);

    public string? this[string name] => Parameters.TryGetValue(name, out var value) ? value : null;

    public override string ToString() =>
        Scheme + (Parameters.Count == 0 ? "" : " " + string.Join(",", Parameters.Select(p => $"{p.Key}=\"{p.Value}\"")));
}
