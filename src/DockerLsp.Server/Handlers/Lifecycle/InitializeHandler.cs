using System.Diagnostics;
using System.Reflection;
using DockerLsp.Server.Protocol;

namespace DockerLsp.Server.Handlers.Lifecycle;

/// <summary>
/// <c>initialize</c>: records the client's capabilities, negotiates the position encoding and answers with the capabilities
/// derived from every registered handler. Runs as a mutation so that nothing else observes a half-initialized session.
/// </summary>
internal sealed class InitializeHandler(Func<ClientSession, ServerCapabilities> buildCapabilities, int? processIdOverride) : RequestHandler<InitializeParams, InitializeResult>
{
    public override string Method => "initialize";
    public override bool MutatesWorkspace => true;

    public override void ContributeCapabilities(ServerCapabilities capabilities, ClientSession session) =>
        capabilities.PositionEncoding = ProtocolConversions.ToWireName(session.Encoding);

    public override Task<InitializeResult> HandleAsync(InitializeParams request, RequestContext context, CancellationToken cancellationToken)
    {
        var session = context.Session;
        session.Initialize(request, processIdOverride);
        session.State = LifecycleState.Initialized;
        context.Services.Log.Information("Initialized for {Client} (process {ProcessId}); positions in {Encoding}; diagnostics by {Model}; {Elapsed:0} ms after process start",
            session.ClientName ?? "an unnamed client", session.ClientProcessId, ProtocolConversions.ToWireName(session.Encoding), session.UsesPullDiagnostics ? "pull" : "push",
            (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds);
        var version = typeof(InitializeHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        return Task.FromResult(new InitializeResult(buildCapabilities(session), new ServerInfo("dockerlsp", version.Split('+')[0])));
    }
}
