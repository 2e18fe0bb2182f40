namespace DockerLsp.Cli.Commands.Parse;

/// <summary>The values of <c>parse --format</c>. Lower-case strings, because that is how users type and read them.</summary>
public static class ParseOutputFormat
{
    /// <summary>BuildKit's <c>Node.Dump()</c> format, byte for byte (the default: familiar to BuildKit users, compact).</summary>
    public const string BuildKit = "buildkit";

    /// <summary>The indented full-fidelity tree with spans and trivia, for people.</summary>
    public const string Tree = "tree";

    /// <summary>The full-fidelity tree and the diagnostics as one JSON document, for programs.</summary>
    public const string Json = "json";

    public static readonly string[] All = [BuildKit, Tree, Json];
}
