namespace DockerLsp.Registry;

/// <summary>
/// Runs a docker credential helper (<c>docker-credential-&lt;name&gt; get</c> with the server URL on stdin).
/// An interface so tests never start a process; returns null when the helper has no credential or fails.
/// </summary>
public interface ICredentialHelper
{
    Task<RegistryCredential?> GetAsync(string helperName, string serverUrl, CancellationToken cancellationToken);
}
