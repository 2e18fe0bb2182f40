namespace DockerLsp.Registry.Tests;

/// <summary>
/// Real clients (real sockets, real clock) for the integration tests, with a private cache directory and no docker
/// config, plus a handler that counts requests so tests can prove when the network was not used.
/// </summary>
internal sealed class IntegrationClient : IDisposable
{
    private readonly TempDirectory _cache = new();
    private readonly CountingHandler _handler = new(new SocketsHttpHandler { AllowAutoRedirect = false });

    public IntegrationClient(ICredentialStore? credentials = null, Func<RegistryClientOptions, RegistryClientOptions>? configure = null, string? cacheDirectory = null)
    {
        var options = new RegistryClientOptions
        {
            CacheDirectory = cacheDirectory ?? _cache.Path,
            DockerConfigPath = _cache.File("no-docker-config.json"),
            RequestTimeout = TimeSpan.FromSeconds(5),
        };
        Client = new RegistryClient(configure?.Invoke(options) ?? options, _handler, credentials: credentials ?? NoCredentialStore.Instance, log: Log.Sink);
    }

    public RegistryClient Client { get; }

    public LogCapture Log { get; } = new();

    public string CacheDirectory => _cache.Path;

    public int RequestCount => _handler.Count;

    public void Dispose()
    {
        Client.Dispose();
        _handler.Dispose();
        _cache.Dispose();
    }

    /// <summary>Counts requests that actually go to the network.</summary>
    private sealed class CountingHandler(HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _count);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
