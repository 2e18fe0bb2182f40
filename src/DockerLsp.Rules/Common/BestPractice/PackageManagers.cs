using DockerLsp.Analysis.Shell;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>The package managers the best-practice rules know.</summary>
internal enum PackageManager
{
    Apt,
    Apk,
    Yum,
    Dnf,
    Microdnf,
    Tdnf,
    Zypper,
    Pip,
    Npm,
    Yarn,
    Pnpm,
}

/// <summary>What a package-manager command does, as far as layers and caches are concerned.</summary>
internal enum PackageAction
{
    Install,
    Upgrade,

    /// <summary>Refreshes the package index (<c>apt-get update</c>, <c>apk update</c>, <c>yum makecache</c>, <c>zypper refresh</c>).</summary>
    RefreshIndex,
    Remove,
    Clean,
    Other,
}

/// <summary>One package-manager command: the invocation, the manager, what it does and the subcommand token (the place flags are inserted after).</summary>
internal sealed record PackageCommand(CommandInvocation Invocation, PackageManager Manager, PackageAction Action, ShellToken? Subcommand)
{
    /// <summary>Installs or upgrades packages (so it needs a fresh index and leaves caches).</summary>
    public bool Installs => Action is PackageAction.Install or PackageAction.Upgrade;

    public bool IsSystemManager => Manager is not (PackageManager.Pip or PackageManager.Npm or PackageManager.Yarn or PackageManager.Pnpm);

    /// <summary>The package names (positional arguments after the subcommand).</summary>
    public IEnumerable<ShellToken> Packages => Invocation.Positionals(PackageManagers.FlagsWithValue(Manager)).Skip(Manager == PackageManager.Yarn && Subcommand is null ? 0 : 1);
}

/// <summary>
/// Classifies shell commands by package manager and action, with each tool's flags that take a separate value (so that
/// <c>apt-get -o Acquire::Retries=3 install</c> still finds <c>install</c>). Knowledge only; no rule logic.
/// </summary>
internal static class PackageManagers
{
    private static readonly HashSet<string> s_aptValueFlags = new(StringComparer.Ordinal) { "-o", "--option", "-c", "--config-file", "-t", "--target-release", "-a", "--host-architecture" };
    private static readonly HashSet<string> s_apkValueFlags = new(StringComparer.Ordinal) { "-X", "--repository", "-t", "--virtual", "-p", "--root", "--cache-dir", "--arch", "--repositories-file", "--keys-dir" };
    private static readonly HashSet<string> s_rpmValueFlags = new(StringComparer.Ordinal) { "-c", "--config", "-x", "--exclude", "--releasever", "--installroot", "--setopt", "--enablerepo", "--disablerepo", "--repo" };
    private static readonly HashSet<string> s_zypperValueFlags = new(StringComparer.Ordinal) { "-R", "--root", "-r", "--repo", "--from" };
    private static readonly HashSet<string> s_pipValueFlags = new(StringComparer.Ordinal) { "-r", "--requirement", "-c", "--constraint", "-e", "--editable", "-i", "--index-url", "--extra-index-url", "-f", "--find-links", "-t", "--target", "--prefix", "--root", "--trusted-host", "--platform", "--python-version", "--implementation", "--abi", "--cache-dir", "--src", "--upgrade-strategy", "--progress-bar", "--log", "--proxy", "--timeout", "--retries", "--cert", "--client-cert", "--only-binary", "--no-binary", "--config-settings", "-C" };
    private static readonly HashSet<string> s_npmValueFlags = new(StringComparer.Ordinal) { "--loglevel", "--registry", "--prefix", "--cache", "--omit", "--include", "--tag", "-w", "--workspace" };
    private static readonly HashSet<string> s_none = new(StringComparer.Ordinal);

    public static IReadOnlySet<string> FlagsWithValue(PackageManager manager) => manager switch
    {
        PackageManager.Apt => s_aptValueFlags,
        PackageManager.Apk => s_apkValueFlags,
        PackageManager.Yum or PackageManager.Dnf or PackageManager.Microdnf or PackageManager.Tdnf => s_rpmValueFlags,
        PackageManager.Zypper => s_zypperValueFlags,
        PackageManager.Pip => s_pipValueFlags,
        PackageManager.Npm or PackageManager.Yarn or PackageManager.Pnpm => s_npmValueFlags,
        _ => s_none,
    };

    public static PackageCommand? Classify(CommandInvocation invocation)
    {
        PackageManager? manager = invocation.Name switch
        {
            "apt-get" or "apt" => PackageManager.Apt,
            "apk" => PackageManager.Apk,
            "yum" => PackageManager.Yum,
            "dnf" or "dnf5" => PackageManager.Dnf,
            "microdnf" => PackageManager.Microdnf,
            "tdnf" => PackageManager.Tdnf,
            "zypper" => PackageManager.Zypper,
            "pip" => PackageManager.Pip,
            "npm" => PackageManager.Npm,
            "yarn" => PackageManager.Yarn,
            "pnpm" => PackageManager.Pnpm,
            _ => null,
        };
        if (manager is not { } known) return null;
        var subcommand = invocation.Subcommand(FlagsWithValue(known));
        var verb = subcommand?.Value;
        var second = invocation.Positionals(FlagsWithValue(known)).Skip(1).FirstOrDefault()?.Value;
        var action = known switch
        {
            PackageManager.Apt => verb switch
            {
                "install" or "reinstall" or "build-dep" => PackageAction.Install,
                "upgrade" or "dist-upgrade" or "full-upgrade" => PackageAction.Upgrade,
                "update" => PackageAction.RefreshIndex,
                "remove" or "purge" or "autoremove" => PackageAction.Remove,
                "clean" or "autoclean" or "distclean" or "dist-clean" => PackageAction.Clean,
                _ => PackageAction.Other,
            },
            PackageManager.Apk => verb switch
            {
                "add" => PackageAction.Install,
                "upgrade" => PackageAction.Upgrade,
                "update" => PackageAction.RefreshIndex,
                "del" => PackageAction.Remove,
                "cache" when second is "clean" or "purge" => PackageAction.Clean,
                _ => PackageAction.Other,
            },
            PackageManager.Yum or PackageManager.Dnf or PackageManager.Microdnf or PackageManager.Tdnf => verb switch
            {
                "install" or "groupinstall" or "localinstall" or "reinstall" => PackageAction.Install,
                "group" when second is "install" => PackageAction.Install,
                "update" or "upgrade" or "distro-sync" => PackageAction.Upgrade,
                "makecache" => PackageAction.RefreshIndex,
                "remove" or "erase" or "autoremove" => PackageAction.Remove,
                "clean" => PackageAction.Clean,
                _ => PackageAction.Other,
            },
            PackageManager.Zypper => verb switch
            {
                "install" or "in" => PackageAction.Install,
                "update" or "up" or "dist-upgrade" or "dup" or "patch" => PackageAction.Upgrade,
                "refresh" or "ref" => PackageAction.RefreshIndex,
                "remove" or "rm" => PackageAction.Remove,
                "clean" or "cc" => PackageAction.Clean,
                _ => PackageAction.Other,
            },
            PackageManager.Pip => verb switch
            {
                "install" => PackageAction.Install,
                "uninstall" => PackageAction.Remove,
                "cache" when second is "purge" or "remove" => PackageAction.Clean,
                _ => PackageAction.Other,
            },
            PackageManager.Npm => verb switch
            {
                "install" or "i" or "ci" or "add" or "isntall" or "install-clean" => PackageAction.Install,
                "cache" when second is "clean" => PackageAction.Clean,
                "uninstall" or "remove" or "rm" or "prune" => PackageAction.Remove,
                _ => PackageAction.Other,
            },
            PackageManager.Yarn => verb switch
            {
                null when invocation.HasFlag("--version", "-v", "--help", "-h") => PackageAction.Other,
                null or "install" or "add" => PackageAction.Install,
                "cache" when second is "clean" => PackageAction.Clean,
                "remove" => PackageAction.Remove,
                _ => PackageAction.Other,
            },
            PackageManager.Pnpm => verb switch
            {
                "install" or "i" or "add" => PackageAction.Install,
                "store" when second is "prune" => PackageAction.Clean,
                "remove" or "rm" or "prune" => PackageAction.Remove,
                _ => PackageAction.Other,
            },
            _ => PackageAction.Other,
        };
        return new PackageCommand(invocation, known, action, subcommand);
    }

    /// <summary>Every package-manager command of a script, in order.</summary>
    public static IEnumerable<PackageCommand> In(ShellScript script)
    {
        foreach (var invocation in CommandInvocation.All(script))
        {
            if (Classify(invocation) is { } command) yield return command;
        }
    }

    /// <summary>True for <c>rm</c> of the apt lists (<c>rm -rf /var/lib/apt/lists/*</c>) and for <c>apt-get dist-clean</c> (apt 2.7+), which removes them.</summary>
    public static bool RemovesAptLists(CommandInvocation invocation) =>
        (invocation.Name == "rm" && invocation.Positionals().Any(a => a.Value.StartsWith("/var/lib/apt/lists", StringComparison.Ordinal)))
        || (invocation.Name is "apt-get" or "apt" && invocation.Subcommand(FlagsWithValue(PackageManager.Apt))?.Value is "dist-clean" or "distclean");

    /// <summary>True for <c>rm</c> of any of the given directories or their contents.</summary>
    public static bool RemovesUnder(CommandInvocation invocation, params string[] directories) =>
        invocation.Name == "rm" && invocation.Positionals().Any(a => directories.Any(d => a.Value.TrimEnd('*').TrimEnd('/') is var p && (p == d || p.StartsWith(d + "/", StringComparison.Ordinal))));
}
