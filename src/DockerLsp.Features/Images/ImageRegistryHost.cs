namespace DockerLsp.Features.Images;

/// <summary>
/// Owns the server's <see cref="ImageInfoCache"/> and rebuilds it (with a new registry from the host's factory) when the
/// registry settings change, so that turning <c>offline</c> on or adding an insecure registry takes effect at once.
/// Thread-safe: hover and code actions may run concurrently with a settings change.
/// </summary>
public sealed class ImageRegistryHost : IDisposable
{
    private readonly Func<ImageRegistrySettings, IImageRegistry> _factory;
    private readonly Lock _gate = new();
    private ImageRegistrySettings? _settings;
    private IImageRegistry? _registry;
    private ImageInfoCache? _cache;

    public ImageRegistryHost(Func<ImageRegistrySettings, IImageRegistry> factory) => _factory = factory ?? throw new ArgumentNullException(nameof(factory));

    /// <summary>The cache for <paramref name="settings"/>, created on first use or after the settings changed.</summary>
    public ImageInfoCache GetCache(ImageRegistrySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        lock (_gate)
        {
            if (_cache is not null && settings.Equals(_settings)) return _cache;
            Release();
            _settings = settings;
            _registry = _factory(settings);
            _cache = new ImageInfoCache(_registry);
            return _cache;
        }
    }

    public void Dispose()
    {
        lock (_gate) Release();
    }

    private void Release()
    {
        _cache?.Dispose();
        (_registry as IDisposable)?.Dispose();
        _cache = null;
        _registry = null;
    }
}
