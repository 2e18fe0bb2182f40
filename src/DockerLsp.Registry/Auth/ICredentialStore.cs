namespace DockerLsp.Registry;

/// <summary>
/// Supplies credentials for a registry host (as written in <see cref="RegistryImageName.Registry"/>), or null for
/// anonymous access. Implementations must not throw for missing or unreadable configuration; they return null.
/// </summary>
public interface ICredentialStore
{
    Task<RegistryCredential?> GetCredentialAsync(string registry, CancellationToken cancellationToken);
}
