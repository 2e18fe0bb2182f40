using Serilog;

namespace DockerLsp.Server.Hosting;

/// <summary>Fire-and-forget with the failure logged rather than lost.</summary>
internal static class TaskExtensions
{
    public static void Forget(this Task task, ILogger log) =>
        task.ContinueWith(t => log.Warning("Background message failed: {Error}", t.Exception?.GetBaseException().Message),
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
}
