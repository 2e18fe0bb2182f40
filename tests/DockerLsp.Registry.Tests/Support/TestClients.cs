namespace DockerLsp.Registry.Tests;

/// <summary>Builds clients for unit tests: fake network, manual clock, no docker config, a private cache directory.</summary>
internal static class TestClients
{
    public static RegistryClient Create(
        FakeHttpHandler handler,
        ManualTimeProvider? time = null,
        string? cacheDirectory = null,
        Func<RegistryClientOptions, RegistryClientOptions>? configure = null,
        ICredentialStore? credentials = null,
        LogCapture? log = null)
    {
        var options = new RegistryClientOptions
        {
            CacheDirectory = cacheDirectory,
            DiskCacheEnabled = cacheDirectory is not null,
            DockerConfigPath = "/nonexistent/dockerlsp-tests/config.json",
        };
        return new RegistryClient(
            configure?.Invoke(options) ?? options,
            handler,
            time ?? new ManualTimeProvider(),
            credentials ?? NoCredentialStore.Instance,
            log: log?.Sink);
    }
}
