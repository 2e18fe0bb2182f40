using System.CommandLine;
using DockerLsp.Features.Images;
using DockerLsp.Registry;

namespace DockerLsp.Cli.Registry;

/// <summary>
/// The registry options shared by <c>check</c>, <c>fix</c> and <c>serve</c>: <c>--insecure-registry HOST[:PORT]</c> (repeatable;
/// plain HTTP for that registry, loopback needs no entry) and <c>--offline</c> (answer from the cache only); <c>check</c> also
/// takes <see cref="CheckDigests"/>.
/// </summary>
public sealed class RegistryCliOptions
{
    public Option<string[]> InsecureRegistry { get; } = new("--insecure-registry")
    {
        Description = "Reach this registry (HOST or HOST:PORT) over plain HTTP; repeatable. Loopback registries need no entry.",
        HelpName = "HOST:PORT",
    };

    public Option<bool> Offline { get; } = new("--offline") { Description = "Never contact registries; use only cached answers." };

    /// <summary><c>check</c> only: the opt-in online check DF506 (a pinned digest that no longer matches its tag).</summary>
    public Option<bool> CheckDigests { get; } = new("--check-digests")
    {
        Description = "Look up the tag of every image pinned by digest and report digests the tag no longer points at (DF506). Contacts registries.",
    };

    public IEnumerable<Option> All => [InsecureRegistry, Offline];

    /// <summary>The client options the command line asks for.</summary>
    public RegistryClientOptions Read(ParseResult result) => new()
    {
        InsecureRegistries = result.GetValue(InsecureRegistry) ?? [],
        Offline = result.GetValue(Offline),
    };

    /// <summary>A registry for Features built from <paramref name="options"/>; the caller disposes the returned client.</summary>
    public static (IImageRegistry Registry, IDisposable Client) Create(RegistryClientOptions options)
    {
        var registry = new RegistryImageRegistry(new RegistryClient(options), ownsClient: true);
        return (registry, registry);
    }

    /// <summary>
    /// The server's factory: the editor settings combined with the command line (insecure lists are merged; offline from either
    /// wins, so <c>serve --offline</c> cannot be undone by a workspace setting).
    /// </summary>
    public static Func<ImageRegistrySettings, IImageRegistry> ServerFactory(RegistryClientOptions commandLine) => settings =>
        new RegistryImageRegistry(new RegistryClient(commandLine with
        {
            InsecureRegistries = commandLine.InsecureRegistries.Concat(settings.Insecure).Distinct(StringComparer.OrdinalIgnoreCase).ToArray(),
            Offline = commandLine.Offline || settings.Offline,
            RequestTimeout = TimeSpan.FromSeconds(Math.Clamp(settings.TimeoutSeconds, 1, 120)),
        }), ownsClient: true);
}
