namespace DockerLsp.Server.Handlers.Lifecycle;

/// <summary><c>shutdown</c>: from now on requests are refused with -32600 and only <c>exit</c> is expected; the exit code becomes 0.</summary>
internal sealed class ShutdownHandler : RequestHandler<object?, object?>
{
    public override string Method => "shutdown";
    public override bool MutatesWorkspace => true;

    public override Task<object?> HandleAsync(object? request, RequestContext context, CancellationToken cancellationToken)
    {
        context.Session.State = LifecycleState.ShutDown;
        context.Services.Log.Information("Shutdown requested");
        return Task.FromResult<object?>(null);
    }
}
