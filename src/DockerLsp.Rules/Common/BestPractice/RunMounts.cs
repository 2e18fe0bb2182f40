using DockerLsp.Syntax;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>One <c>RUN --mount</c>: its type (<c>bind</c> when unspecified, as BuildKit defaults) and target directory.</summary>
internal sealed record RunMount(string Type, string? Target, string? Source, string? Id);

/// <summary>Reads the <c>--mount</c> flags of a RUN and answers whether a cache or tmpfs mount covers a directory.</summary>
internal static class RunMounts
{
    public static IReadOnlyList<RunMount> Of(RunInstructionSyntax run)
    {
        var result = new List<RunMount>();
        foreach (var flag in run.Mounts)
        {
            string type = "bind";
            string? target = null, source = null, id = null;
            foreach (var option in flag.GetOptions())
            {
                switch (option.Key.ToLowerInvariant())
                {
                    case "type": type = option.Value?.ToLowerInvariant() ?? type; break;
                    case "target" or "dst" or "destination": target = option.Value; break;
                    case "source" or "src": source = option.Value; break;
                    case "id": id = option.Value; break;
                }
            }
            result.Add(new RunMount(type, target, source, id));
        }
        return result;
    }

    /// <summary>
    /// True when a cache or tmpfs mount's target is <paramref name="directory"/>, a parent of it, or (for <c>~/…</c> style
    /// targets like <c>.cache/pip</c>) ends with <paramref name="directory"/>'s tail: then files written there never reach the layer.
    /// </summary>
    public static bool CachesDirectory(RunInstructionSyntax run, string directory) =>
        Of(run).Any(m => m.Type is "cache" or "tmpfs" && m.Target is { } target && Covers(ContainerPaths.Normalize(target), directory));

    private static bool Covers(string target, string directory)
    {
        if (ContainerPaths.IsSameOrUnder(directory, target)) return true;
        // A home-relative cache such as /root/.cache/pip is also covered by another user's /home/app/.cache or /home/app/.cache/pip.
        if (!directory.StartsWith("/root/", StringComparison.Ordinal)) return false;
        var homeRelative = directory["/root".Length..];
        var hidden = target.IndexOf("/.", StringComparison.Ordinal);
        if (hidden < 0) return false;
        var targetRelative = target[hidden..];
        return homeRelative == targetRelative || homeRelative.StartsWith(targetRelative + "/", StringComparison.Ordinal);
    }
}
