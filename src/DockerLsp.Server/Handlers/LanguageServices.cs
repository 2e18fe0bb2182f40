using DockerLsp.Features.CodeActions;
using DockerLsp.Features.Diagnostics;
using DockerLsp.Features.Hover;
using DockerLsp.Features.Workspace;
using DockerLsp.Server.Hosting;
using Serilog;

namespace DockerLsp.Server.Handlers;

/// <summary>
/// The server's long-lived collaborators, created once per connection: the workspace (single writer, used only by mutating
/// handlers), the Features services, the client channel, the diagnostics publisher, file access and configuration.
/// </summary>
internal sealed class LanguageServices
{
    public LanguageServices(IAnalysisEngine engine, ILanguageClient client, ILogger log, ISemanticFacts? semanticFacts = null, IFileSystem? fileSystem = null)
    {
        Client = client;
        Log = log;
        Diagnostics = new DiagnosticService(engine);
        CodeActions = new CodeActionService(engine);
        Hover = new HoverService(semanticFacts);
        Files = new DocumentFiles(fileSystem ?? new PhysicalFileSystem(), log);
        Publisher = new DiagnosticsPublisher(this);
        Configuration = new ConfigurationManager(this);
    }

    public DocumentWorkspace Workspace { get; } = new();
    public DiagnosticService Diagnostics { get; }
    public CodeActionService CodeActions { get; }
    public HoverService Hover { get; }
    public ILanguageClient Client { get; }
    public ILogger Log { get; }
    public DocumentFiles Files { get; }
    public DiagnosticsPublisher Publisher { get; }
    public ConfigurationManager Configuration { get; }

    /// <summary>Registry data for image references (hover); null when the host supplied no registry.</summary>
    public Features.Images.ImageRegistryHost? Images { get; init; }

    /// <summary>The build contexts (directories) of Dockerfiles on disk, handed to the default engine; refreshed when files change.</summary>
    public FileSystemBuildContexts BuildContexts { get; init; } = new(new PhysicalFileSystem());

    /// <summary>Counts work in and out to collect garbage between keystrokes; null when the host did not ask for it.</summary>
    public IdleCollector? Idle { get; set; }

    /// <summary>The warm-up <c>initialized</c> starts; null when the host turned it off.</summary>
    public ServerWarmUp? WarmUp { get; set; }

    /// <summary>Set by the host: the session, so that background work (publishing) can read the negotiated options.</summary>
    public ClientSession Session { get; set; } = new();
}
