namespace DockerLsp.Analysis;

/// <summary>How serious a configuration problem is: an error means a file or setting could not be used as written.</summary>
public enum ConfigurationProblemSeverity
{
    Warning,
    Error,
}

/// <summary>
/// A problem found while reading configuration: which file (as given by the host), which 1-based line (0 when unknown) and why.
/// Problems are reported, never silently acted on: a malformed file contributes the settings that could be read and nothing else.
/// </summary>
public sealed record ConfigurationProblem(string Path, int Line, ConfigurationProblemSeverity Severity, string Message)
{
    public override string ToString() => Line > 0 ? $"{Path}:{Line}: {Severity.ToString().ToLowerInvariant()}: {Message}" : $"{Path}: {Severity.ToString().ToLowerInvariant()}: {Message}";
}
