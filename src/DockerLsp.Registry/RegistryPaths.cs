namespace DockerLsp.Registry;

/// <summary>
/// Default file locations, computed from environment variables through a lookup function so tests can supply
/// their own environment instead of the process's.
/// </summary>
public static class RegistryPaths
{
    /// <summary><c>$XDG_CACHE_HOME/dockerlsp/registry</c>, else <c>~/.cache/dockerlsp/registry</c>.</summary>
    public static string DefaultCacheDirectory(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var xdg = environment("XDG_CACHE_HOME");
        // The XDG spec says relative values are invalid and must be ignored.
        var root = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(HomeDirectory(environment), ".cache");
        return Path.Combine(root, "dockerlsp", "registry");
    }

    /// <summary><c>$DOCKER_CONFIG/config.json</c>, else <c>~/.docker/config.json</c>, as the docker CLI looks it up.</summary>
    public static string DefaultDockerConfigPath(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var dockerConfig = environment("DOCKER_CONFIG");
        var directory = !string.IsNullOrEmpty(dockerConfig)
            ? dockerConfig
            : Path.Combine(HomeDirectory(environment), ".docker");
        return Path.Combine(directory, "config.json");
    }

    private static string HomeDirectory(Func<string, string?> environment)
    {
        var home = environment("HOME");
        return !string.IsNullOrEmpty(home) ? home : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
    }
}
