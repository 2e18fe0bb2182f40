namespace DockerLsp.Registry;

/// <summary>
/// Obtains bearer tokens for registry requests and caches them until they expire. Separate from the client so
/// tests can substitute it and so token caching can be tested with a controlled clock.
/// </summary>
public interface IRegistryTokenSource
{
    /// <summary>A cached, unexpired token or a fresh one from the realm; failures as <see cref="RegistryError"/>s.</summary>
    Task<RegistryResult<BearerToken>> GetTokenAsync(BearerTokenRequest request, CancellationToken cancellationToken);

    /// <summary>Forgets a cached token the registry rejected, so the next call fetches a new one.</summary>
    void Invalidate(BearerTokenRequest request);
}
