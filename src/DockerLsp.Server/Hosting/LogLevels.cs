using Serilog.Core;
using Serilog.Events;

namespace DockerLsp.Server.Hosting;

/// <summary>The process-wide minimum log level, switchable at run time by the <c>dockerlsp.logLevel</c> setting.</summary>
public static class LogLevels
{
    public static LoggingLevelSwitch Switch { get; } = new(LogEventLevel.Information);

    /// <summary>Sets the level from its name (Verbose, Debug, Information, Warning, Error, Fatal); unknown names are ignored.</summary>
    public static void Apply(string? level)
    {
        if (Enum.TryParse<LogEventLevel>(level, ignoreCase: true, out var parsed)) Switch.MinimumLevel = parsed;
    }
}
