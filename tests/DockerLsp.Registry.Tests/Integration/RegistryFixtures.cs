namespace DockerLsp.Registry.Tests;

/// <summary>
/// A real docker-registry without authentication, with the test image pushed as <c>library/debian:bookworm-slim</c>
/// (plus extra tags for pagination). Shared by the <see cref="RegistryCollection"/>; stopped afterwards.
/// </summary>
public sealed class RegistryFixture : IAsyncLifetime
{
    public const string Repository = "library/debian";
    public const string Tag = "bookworm-slim";
    public static readonly string[] ExtraTags = ["x1", "x2", "x3", "x4", "x5"];

    private RegistryProcess? _registry;

    internal RegistryProcess Registry => _registry ?? throw new InvalidOperationException("fixture not started");

    internal PushedImage Image { get; private set; } = null!;

    public string Authority => Registry.Authority;

    public async Task InitializeAsync()
    {
        _registry = await RegistryProcess.StartAsync();
        using var http = new HttpClient();
        var pusher = new TestImagePusher(http, _registry.BaseUri);
        Image = await pusher.PushAsync(Repository, Tag);
        await pusher.TagAsync(Repository, Image.IndexBytes, MediaTypes.OciIndex, ExtraTags);
    }

    public async Task DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }
    }
}

/// <summary>
/// A real docker-registry in <c>auth: token</c> mode behind the in-process <see cref="TokenServer"/>, the way Docker Hub
/// works: every request needs a bearer token; anonymous tokens carry pull only. The image is pushed with a user token.
/// </summary>
public sealed class TokenRegistryFixture : IAsyncLifetime
{
    public const string Repository = "library/debian";
    public const string Tag = "bookworm-slim";

    private RegistryProcess? _registry;

    internal TokenServer Tokens { get; } = new();

    internal RegistryProcess Registry => _registry ?? throw new InvalidOperationException("fixture not started");

    internal PushedImage Image { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _registry = await RegistryProcess.StartAsync(Tokens);
        using var http = new HttpClient();
        var token = await Tokens.GetPushTokenAsync(http, Repository);
        Image = await new TestImagePusher(http, _registry.BaseUri, token).PushAsync(Repository, Tag);
    }

    public async Task DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }

        await Tokens.DisposeAsync();
    }
}

/// <summary>Tests sharing one anonymous registry.</summary>
[CollectionDefinition(Name)]
public sealed class RegistryCollection : ICollectionFixture<RegistryFixture>
{
    public const string Name = "docker-registry without auth";
}

/// <summary>Tests sharing one token-auth registry.</summary>
[CollectionDefinition(Name)]
public sealed class TokenRegistryCollection : ICollectionFixture<TokenRegistryFixture>
{
    public const string Name = "docker-registry with token auth";
}
