namespace DockerLsp.Registry.Tests;

/// <summary>TTLs on a controlled clock, the disk level, offline mode, and that disk trouble is never fatal.</summary>
public sealed class CacheTests : IDisposable
{
    private static readonly RegistryImageName App = RegistryImageName.Parse("example.test/team/app:1.0");
    private readonly TempDirectory _cache = new();
    private readonly ManualTimeProvider _time = new();

    public void Dispose() => _cache.Dispose();

    [Fact]
    public async Task AnswersFromMemoryWithinTheTtlAndAsksAgainAfterIt()
    {
        var handler = new FakeHttpHandler(Sample.Registry());
        using var client = TestClients.Create(handler, _time, _cache.Path);

        var first = await client.ResolveDigestAsync(App, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(6) - TimeSpan.FromSeconds(1));
        var second = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryResultOrigin.Network, first.Origin);
        Assert.Equal(RegistryResultOrigin.MemoryCache, second.Origin);
        Assert.Equal(first.RetrievedAt, second.RetrievedAt);
        Assert.Single(handler.Requests);

        _time.Advance(TimeSpan.FromSeconds(1)); // the 6 h default TTL for tag -> digest has now passed
        var third = await client.ResolveDigestAsync(App, CancellationToken.None);
        Assert.Equal(RegistryResultOrigin.Network, third.Origin);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task TagListsHaveTheirOwnTtl()
    {
        var handler = new FakeHttpHandler(_ => Respond.Json(System.Net.HttpStatusCode.OK, """{"tags":["1.0"]}"""));
        using var client = TestClients.Create(handler, _time, _cache.Path);

        await client.ListTagsAsync(App, CancellationToken.None);
        _time.Advance(TimeSpan.FromHours(23));
        await client.ListTagsAsync(App, CancellationToken.None);
        Assert.Single(handler.Requests);
        _time.Advance(TimeSpan.FromHours(1));
        await client.ListTagsAsync(App, CancellationToken.None);
        Assert.Equal(2, handler.Requests.Count);
    }

    [Fact]
    public async Task ANewClientAnswersFromDisk()
    {
        using (var writer = TestClients.Create(new FakeHttpHandler(Sample.Registry()), _time, _cache.Path))
        {
            await writer.ResolveDigestAsync(App, CancellationToken.None);
            await writer.GetPlatformsAsync(App, CancellationToken.None);
        }

        var handler = new FakeHttpHandler(_ => throw new InvalidOperationException("the network must not be used"));
        using var reader = TestClients.Create(handler, _time, _cache.Path);
        var digest = await reader.ResolveDigestAsync(App, CancellationToken.None);
        var platforms = await reader.GetPlatformsAsync(App, CancellationToken.None);

        Assert.Equal(RegistryResultOrigin.DiskCache, digest.Origin);
        Assert.Equal(Sample.IndexDigest, digest.Value?.Digest);
        Assert.True(digest.Value!.IsIndex);
        Assert.Equal(2, platforms.Value?.Platforms.Count);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task OfflineAnswersOnlyFromCacheEvenWhenStale()
    {
        using (var writer = TestClients.Create(new FakeHttpHandler(Sample.Registry()), _time, _cache.Path))
        {
            await writer.ResolveDigestAsync(App, CancellationToken.None);
        }

        _time.Advance(TimeSpan.FromDays(30));
        var handler = new FakeHttpHandler(_ => throw new InvalidOperationException("offline must not use the network"));
        using var offline = TestClients.Create(handler, _time, _cache.Path, o => o with { Offline = true });

        var cached = await offline.ResolveDigestAsync(App, CancellationToken.None);
        var missing = await offline.ResolveDigestAsync(App.WithTag("2.0"), CancellationToken.None);
        var tags = await offline.ListTagsAsync(App, CancellationToken.None);

        Assert.Equal(RegistryResultOrigin.StaleCache, cached.Origin);
        Assert.Equal(Sample.IndexDigest, cached.Value?.Digest);
        Assert.Equal(RegistryErrorKind.Offline, missing.Error?.Kind);
        Assert.Contains("offline mode", missing.Error!.Message, StringComparison.Ordinal);
        Assert.Contains("example.test/team/app:2.0", missing.Error.Message, StringComparison.Ordinal);
        Assert.Equal(RegistryErrorKind.Offline, tags.Error?.Kind);
        Assert.Empty(handler.Requests);
    }

    [Fact]
    public async Task CorruptCacheFilesAreIgnoredAndLogged()
    {
        using (var writer = TestClients.Create(new FakeHttpHandler(Sample.Registry()), _time, _cache.Path))
        {
            await writer.ResolveDigestAsync(App, CancellationToken.None);
        }

        foreach (var file in Directory.GetFiles(_cache.Path, "*.json", SearchOption.AllDirectories))
        {
            await File.WriteAllTextAsync(file, "{ not json");
        }

        var log = new LogCapture();
        var handler = new FakeHttpHandler(Sample.Registry());
        using var reader = TestClients.Create(handler, _time, _cache.Path, log: log);
        var result = await reader.ResolveDigestAsync(App, CancellationToken.None);

        Assert.True(result.IsSuccess, result.ToString());
        Assert.Equal(RegistryResultOrigin.Network, result.Origin);
        Assert.Contains(log.Lines, l => l.Contains("ignoring unreadable cache file", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ACacheFileHoldingAnotherKeysEntryIsIgnored()
    {
        // File names are a non-cryptographic hash of the key: what keeps a colliding (or planted) file from answering for another
        // image is the key stored inside it.
        using (var writer = TestClients.Create(new FakeHttpHandler(Sample.Registry()), _time, _cache.Path))
        {
            await writer.ResolveDigestAsync(App, CancellationToken.None);
        }

        var file = Assert.Single(Directory.GetFiles(_cache.Path, "*.json", SearchOption.AllDirectories));
        var json = await File.ReadAllTextAsync(file);
        Assert.Contains("example.test/team/app:1.0", json, StringComparison.Ordinal);
        await File.WriteAllTextAsync(file, json.Replace("example.test/team/app:1.0", "example.test/team/other:1.0", StringComparison.Ordinal));

        var log = new LogCapture();
        var handler = new FakeHttpHandler(Sample.Registry());
        using var reader = TestClients.Create(handler, _time, _cache.Path, log: log);
        var result = await reader.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryResultOrigin.Network, result.Origin);
        Assert.NotEmpty(handler.Requests);
        Assert.Contains(log.Lines, l => l.Contains("does not hold the entry", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TamperedDigestsInCacheFilesAreRejected()
    {
        using (var writer = TestClients.Create(new FakeHttpHandler(Sample.Registry()), _time, _cache.Path))
        {
            await writer.ResolveDigestAsync(App, CancellationToken.None);
        }

        var file = Assert.Single(Directory.GetFiles(_cache.Path, "*.json", SearchOption.AllDirectories));
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace("sha256:", "sha256:X", StringComparison.Ordinal));

        var handler = new FakeHttpHandler(Sample.Registry());
        using var reader = TestClients.Create(handler, _time, _cache.Path);
        var result = await reader.ResolveDigestAsync(App, CancellationToken.None);

        Assert.Equal(RegistryResultOrigin.Network, result.Origin);
        Assert.Equal(Sample.IndexDigest, result.Value?.Digest);
    }

    [Fact]
    public async Task AnUnwritableCacheDirectoryIsNotFatal()
    {
        var blocker = _cache.File("not-a-directory");
        await File.WriteAllTextAsync(blocker, "a file where the cache directory should be");
        var log = new LogCapture();
        var handler = new FakeHttpHandler(Sample.Registry());
        using var client = TestClients.Create(handler, _time, Path.Combine(blocker, "cache"), log: log);

        var first = await client.ResolveDigestAsync(App, CancellationToken.None);
        var second = await client.ResolveDigestAsync(App, CancellationToken.None);

        Assert.True(first.IsSuccess, first.ToString());
        Assert.Equal(RegistryResultOrigin.MemoryCache, second.Origin);
        Assert.Contains(log.Lines, l => l.Contains("cannot write cache file", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CacheDirectoryIsPrivate()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var directory = Path.Combine(_cache.Path, "fresh");
        using var client = TestClients.Create(new FakeHttpHandler(Sample.Registry()), _time, directory);
        await client.ResolveDigestAsync(App, CancellationToken.None);

        var mode = File.GetUnixFileMode(Path.Combine(directory, "v1"));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, mode);
    }

    [Fact]
    public void DefaultLocationsFollowXdgAndDockerConventions()
    {
        var env = new Dictionary<string, string?> { ["HOME"] = "/home/u" };
        Assert.Equal("/home/u/.cache/dockerlsp/registry", RegistryPaths.DefaultCacheDirectory(env.GetValueOrDefault));
        Assert.Equal("/home/u/.docker/config.json", RegistryPaths.DefaultDockerConfigPath(env.GetValueOrDefault));

        env["XDG_CACHE_HOME"] = "/xdg";
        env["DOCKER_CONFIG"] = "/etc/dc";
        Assert.Equal("/xdg/dockerlsp/registry", RegistryPaths.DefaultCacheDirectory(env.GetValueOrDefault));
        Assert.Equal("/etc/dc/config.json", RegistryPaths.DefaultDockerConfigPath(env.GetValueOrDefault));

        env["XDG_CACHE_HOME"] = "relative/ignored";
        Assert.Equal("/home/u/.cache/dockerlsp/registry", RegistryPaths.DefaultCacheDirectory(env.GetValueOrDefault));
    }
}
