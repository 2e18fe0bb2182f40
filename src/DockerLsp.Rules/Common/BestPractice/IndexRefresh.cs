using DockerLsp.Analysis.Shell;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>Package-index refreshes (<c>apt-get update</c>, <c>apk update</c>, <c>yum makecache</c>, <c>zypper refresh</c>) and RUNs that do nothing else.</summary>
internal static class IndexRefresh
{
    /// <summary>True when the script refreshes a package index and runs no other command (no install).</summary>
    public static bool IsRefreshOnly(ShellScript script)
    {
        var commands = script.Commands.Where(c => !c.Words.IsEmpty).ToList();
        if (commands.Count == 0) return false;
        return commands.All(c => CommandInvocation.Of(c) is { } invocation && PackageManagers.Classify(invocation) is { Action: PackageAction.RefreshIndex });
    }
}
