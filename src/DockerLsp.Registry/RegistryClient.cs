namespace DockerLsp.Registry;

/// <summary>
/// The OCI distribution client behind <see cref="IRegistryClient"/>. This file wires the collaborators; the behaviour is
/// split by aspect: <c>.Resolve</c> (tag → digest), <c>.Tags</c>, <c>.Platforms</c>, <c>.Config</c>, <c>.Content</c>
/// (verified manifest and blob fetches), <c>.Auth</c> (401 challenges, tokens, 429 backoff), <c>.Caching</c> (TTL,
/// offline, stale answers) and <c>.Failures</c> (status → <see cref="RegistryError"/>).
/// Every collaborator with a side effect is injectable: the HTTP handler, the clock, the credential store and helper,
/// the token source and the diagnostics callback.
/// </summary>
public sealed partial class RegistryClient : IRegistryClient, IDisposable
{
    private readonly RegistryClientOptions _options;
    private readonly HttpMessageInvoker _http;
    private readonly RegistryTransport _transport;
    private readonly SchemePolicy _schemes;
    private readonly ICredentialStore _credentials;
    private readonly IRegistryTokenSource _tokens;
    private readonly RateLimitBackoff _backoff;
    private readonly RegistryCache _cache;
    private readonly RegistryLog _log;
    private readonly TimeProvider _time;

    /// <param name="options">Settings; null means defaults.</param>
    /// <param name="handler">
    /// The HTTP stack; null means a private <see cref="SocketsHttpHandler"/>. An injected <see cref="HttpClientHandler"/> or
    /// <see cref="SocketsHttpHandler"/> gets automatic redirects turned off (the client follows redirects itself); any other
    /// handler must not follow redirects. The client disposes only a handler it created.
    /// </param>
    /// <param name="timeProvider">The clock for TTLs, token expiry, backoff and timeouts; null means the system clock.</param>
    /// <param name="credentials">Where credentials come from; null means the docker config file (<see cref="DockerConfigCredentialStore"/>).</param>
    /// <param name="credentialHelper">Runs credential helpers when enabled; null means <see cref="ProcessCredentialHelper"/>. Ignored when <paramref name="credentials"/> is given.</param>
    /// <param name="tokenSource">Bearer token source; null means the built-in Docker token flow with a cache.</param>
    /// <param name="log">Diagnostics callback; receives no secrets.</param>
    public RegistryClient(
        RegistryClientOptions? options = null,
        HttpMessageHandler? handler = null,
        TimeProvider? timeProvider = null,
        ICredentialStore? credentials = null,
        ICredentialHelper? credentialHelper = null,
        IRegistryTokenSource? tokenSource = null,
        Action<string>? log = null)
    {
        _options = options ?? new RegistryClientOptions();
        _options.Validate();
        _time = timeProvider ?? TimeProvider.System;
        _log = new RegistryLog(log);
        _http = new HttpMessageInvoker(handler is null ? CreateDefaultHandler(_options) : WithoutAutoRedirect(handler), disposeHandler: handler is null);
        _schemes = new SchemePolicy(_options.InsecureRegistries);
        _transport = new RegistryTransport(_http, _options, _schemes, _log, _time);
        _backoff = new RateLimitBackoff(_time);
        _tokens = tokenSource ?? new RegistryTokenSource(_transport, _options, _backoff, _log, _time);
        _credentials = credentials ?? new DockerConfigCredentialStore(
            _options.DockerConfigPath ?? RegistryPaths.DefaultDockerConfigPath(),
            _options.EnableCredentialHelpers,
            _options.EnableCredentialHelpers ? credentialHelper ?? new ProcessCredentialHelper(_options.RequestTimeout, _log) : null,
            _log);
        _cache = new RegistryCache(
            _options.DiskCacheEnabled ? _options.CacheDirectory ?? RegistryPaths.DefaultCacheDirectory() : null,
            _log);
    }

    public RegistryClientOptions Options => _options;

    public void Dispose() => _http.Dispose();

    private static SocketsHttpHandler CreateDefaultHandler(RegistryClientOptions options) => new()
    {
        AllowAutoRedirect = false,
        UseCookies = false,
        ConnectTimeout = options.RequestTimeout,
        AutomaticDecompression = System.Net.DecompressionMethods.All,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    // Walks a DelegatingHandler chain too, so a logging or counting wrapper does not hide an auto-redirecting handler.
    private static HttpMessageHandler WithoutAutoRedirect(HttpMessageHandler handler)
    {
        for (HttpMessageHandler? current = handler; current is not null; current = (current as DelegatingHandler)?.InnerHandler)
        {
            switch (current)
            {
                case SocketsHttpHandler sockets when sockets.AllowAutoRedirect:
                    sockets.AllowAutoRedirect = false;
                    break;
                case HttpClientHandler client when client.AllowAutoRedirect:
                    client.AllowAutoRedirect = false;
                    break;
            }
        }

        return handler;
    }

    private Uri RegistryUri(RegistryImageName image, string relativePath) =>
        new(_schemes.RegistryBaseUri(image.Registry), "v2/" + image.Repository + "/" + relativePath);
}
