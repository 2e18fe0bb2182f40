namespace DockerLsp.Registry;

/// <summary>
/// A bearer token from a registry's token service and when it stops being used. The value is a secret:
/// <see cref="ToString"/> hides it.
/// </summary>
public sealed record BearerToken(string Value, DateTimeOffset ExpiresAt)
{
    public override string ToString() => $"BearerToken {{ Value = ***, ExpiresAt = {ExpiresAt:O} }}";
}

/// <summary>
/// What to ask a token service for (Docker's token protocol): <c>GET realm?service=…&amp;scope=…</c>, with HTTP Basic
/// when a credential is known. Tokens are cached per (realm, service, scope, user).
/// </summary>
public sealed record BearerTokenRequest(Uri Realm, string? Service, string Scope, RegistryCredential? Credential)
{
    internal string CacheKey => string.Join('\n', Realm.AbsoluteUri, Service ?? "", Scope, Credential?.Username ?? "");
}
