using Serilog.Core;
using Serilog.Events;

namespace DockerLsp.Server.Hosting;

/// <summary>The process-wide minimum log level, switchable at run time by the <c>dockerlsp.logLevel</c> setting.</summary>
public static class LogLevels
{
    public static LoggingLevelSwitch Switch { get; } = new(LogEventLevel.Information);

    /// <summary>
    /// Sets the level from its name (Verbose, Debug, Information, Warning, Error, Fatal); an unknown name changes nothing and
    /// returns false.
    /// </summary>
    public static bool Apply(string? level)
    {
        if (!Enum.TryParse<LogEventLevel>(level, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed)) return false;
        Switch.MinimumLevel = parsed;
        return true;
    }
}
