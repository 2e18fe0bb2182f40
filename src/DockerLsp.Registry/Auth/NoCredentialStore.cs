namespace DockerLsp.Registry;

/// <summary>A credential store that always answers "anonymous"; useful for tests and for privacy-minded hosts.</summary>
public sealed class NoCredentialStore : ICredentialStore
{
    public static NoCredentialStore Instance { get; } = new();

    public Task<RegistryCredential?> GetCredentialAsync(string registry, CancellationToken cancellationToken) =>
        Task.FromResult<RegistryCredential?>(null);
}
