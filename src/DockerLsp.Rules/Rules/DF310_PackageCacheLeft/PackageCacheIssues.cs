using DockerLsp.Analysis.Semantics;
using DockerLsp.Analysis.Shell;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF310_PackageCacheLeft;

/// <summary>How a DF310 issue is repaired.</summary>
internal enum CacheRepair
{
    /// <summary>Append a cleanup command to the RUN (<c>rm -rf /var/lib/apt/lists/*</c>, <c>yum clean all</c>...).</summary>
    AppendCleanup,

    /// <summary>Insert a flag after the subcommand (<c>--no-cache</c>, <c>--no-cache-dir</c>).</summary>
    InsertFlag,

    /// <summary>Remove the command (<c>apk update</c> before <c>apk add --no-cache</c>).</summary>
    RemoveCommand,
}

/// <summary>One package-manager cache left in a layer: the command, the repair, its text, and the cache directory a mount would cover.</summary>
internal sealed record PackageCacheIssue(RunInstructionSyntax Run, PackageCommand Command, CacheRepair Repair, string Text, string CacheDirectory, string Description);

/// <summary>
/// Finds package-manager caches a RUN leaves in its layer (in stages that ship): apt lists without <c>rm -rf /var/lib/apt/lists/*</c>,
/// <c>apk add</c> without <c>--no-cache</c> (and <c>apk update</c> that stores an index), yum/dnf/microdnf/tdnf/zypper installs without
/// their clean, <c>pip install</c> without <c>--no-cache-dir</c>, npm and yarn installs without a cache clean. A cache or tmpfs mount on
/// the cache directory, a later cleanup in the same RUN (or, for apt, in a cleanup-only RUN right after, which is DF309's business)
/// and <c>PIP_NO_CACHE_DIR</c> are accepted. An index refresh alone is DF312's business.
/// </summary>
internal static class PackageCacheIssues
{
    public static IReadOnlyList<PackageCacheIssue> Find(SemanticModel model, BuildStage stage, RunInstructionSyntax run, CancellationToken cancellationToken)
    {
        var script = model.GetShellScript(run, cancellationToken);
        if (!script.IsPosix || IndexRefresh.IsRefreshOnly(script)) return [];
        var commands = PackageManagers.In(script).ToList();
        var invocations = CommandInvocation.All(script).ToList();
        var issues = new List<PackageCacheIssue>();

        // apt: one issue per RUN, on the first installing command.
        var apt = commands.Where(c => c.Manager == PackageManager.Apt && c.Action is PackageAction.Install or PackageAction.Upgrade or PackageAction.RefreshIndex).ToList();
        if (apt.Any(c => c.Installs) && !RunMounts.CachesDirectory(run, "/var/lib/apt/lists")
            && !invocations.Any(i => PackageManagers.RemovesAptLists(i) && After(i.Command, apt[^1].Invocation.Command))
            && !NextRunCleansAptLists(model, stage, run, cancellationToken))
        {
            issues.Add(new(run, apt.First(c => c.Installs), CacheRepair.AppendCleanup, "rm -rf /var/lib/apt/lists/*", "/var/lib/apt/lists", "the apt package lists"));
        }

        foreach (var command in commands.Where(c => c.Manager == PackageManager.Apk))
        {
            var cleaned = RunMounts.CachesDirectory(run, "/var/cache/apk") || invocations.Any(i => PackageManagers.RemovesUnder(i, "/var/cache/apk") && After(i.Command, command.Invocation.Command));
            if (cleaned) continue;
            // --no-network installs from what is already there: nothing is downloaded, nothing cached.
            if (command.Action is PackageAction.Install or PackageAction.Upgrade && !command.Invocation.HasFlag("--no-cache", "--no-network") && command.Subcommand is not null)
            {
                issues.Add(new(run, command, CacheRepair.InsertFlag, "--no-cache", "/var/cache/apk", "the apk index and package cache"));
            }
            else if (command.Action == PackageAction.RefreshIndex && command.Invocation.Command.FollowingOperator == ShellOperator.And
                && commands.Any(c => c.Manager == PackageManager.Apk && c.Installs && After(c.Invocation.Command, command.Invocation.Command)))
            {
                issues.Add(new(run, command, CacheRepair.RemoveCommand, string.Empty, "/var/cache/apk", "the apk index ('apk add --no-cache' fetches a fresh one)"));
            }
        }

        foreach (var family in new[] { PackageManager.Yum, PackageManager.Dnf, PackageManager.Microdnf, PackageManager.Tdnf, PackageManager.Zypper })
        {
            var installs = commands.Where(c => c.Manager == family && c.Installs).ToList();
            if (installs.Count == 0) continue;
            var cacheDirectory = family switch
            {
                PackageManager.Yum => "/var/cache/yum",
                PackageManager.Zypper => "/var/cache/zypp",
                PackageManager.Tdnf => "/var/cache/tdnf",
                _ => "/var/cache/dnf",
            };
            var cleaned = RunMounts.CachesDirectory(run, cacheDirectory)
                || commands.Any(c => SameFamily(c.Manager, family) && c.Action == PackageAction.Clean && After(c.Invocation.Command, installs[^1].Invocation.Command))
                || invocations.Any(i => PackageManagers.RemovesUnder(i, cacheDirectory, "/var/cache/yum", "/var/cache/dnf", "/var/cache/libdnf5") && After(i.Command, installs[^1].Invocation.Command));
            if (cleaned) continue;
            var clean = family switch
            {
                PackageManager.Zypper => "zypper clean --all",
                _ => installs[0].Invocation.Name + " clean all",
            };
            issues.Add(new(run, installs[0], CacheRepair.AppendCleanup, clean, cacheDirectory, "the " + installs[0].Invocation.Name + " metadata and package cache"));
        }

        var pipCacheDisabled = model.ResolveVariable("PIP_NO_CACHE_DIR", run.Span.Start) is not null || RunMounts.CachesDirectory(run, "/root/.cache/pip");
        foreach (var command in commands.Where(c => c.Manager == PackageManager.Pip && c.Action == PackageAction.Install && c.Subcommand is not null))
        {
            if (pipCacheDisabled || command.Invocation.HasFlag("--no-cache-dir") || command.Invocation.Command.Assignments.Any(a => a.Value.StartsWith("PIP_NO_CACHE_DIR=", StringComparison.Ordinal))) continue;
            issues.Add(new(run, command, CacheRepair.InsertFlag, "--no-cache-dir", "/root/.cache/pip", "the pip download cache"));
        }

        var npm = commands.Where(c => c.Manager == PackageManager.Npm && c.Action == PackageAction.Install).ToList();
        if (npm.Count > 0 && !RunMounts.CachesDirectory(run, "/root/.npm") && model.ResolveVariable("npm_config_cache", run.Span.Start) is null
            && !commands.Any(c => c.Manager == PackageManager.Npm && c.Action == PackageAction.Clean && After(c.Invocation.Command, npm[^1].Invocation.Command)))
        {
            issues.Add(new(run, npm[0], CacheRepair.AppendCleanup, "npm cache clean --force", "/root/.npm", "the npm cache"));
        }

        var yarn = commands.Where(c => c.Manager == PackageManager.Yarn && c.Action == PackageAction.Install).ToList();
        if (yarn.Count > 0 && !RunMounts.CachesDirectory(run, "/usr/local/share/.cache/yarn") && !RunMounts.CachesDirectory(run, "/root/.cache/yarn") && !RunMounts.CachesDirectory(run, "/root/.yarn")
            && !commands.Any(c => c.Manager == PackageManager.Yarn && c.Action == PackageAction.Clean && After(c.Invocation.Command, yarn[^1].Invocation.Command)))
        {
            issues.Add(new(run, yarn[0], CacheRepair.AppendCleanup, "yarn cache clean", "/usr/local/share/.cache/yarn", "the yarn cache"));
        }
        return issues;
    }

    /// <summary>The span a diagnostic reports: the command name through its subcommand (<c>apt-get install</c>).</summary>
    public static Syntax.Text.TextSpan ReportSpan(PackageCacheIssue issue)
    {
        var command = issue.Command.Invocation.Command;
        var end = issue.Command.Subcommand?.Span.End ?? issue.Command.Invocation.NameToken.Span.End;
        return Syntax.Text.TextSpan.FromBounds(command.Words[0].Span.Start, Math.Max(command.Words[0].Span.Start, end));
    }

    private static bool After(ShellCommand command, ShellCommand reference) => command.Index > reference.Index;

    private static bool SameFamily(PackageManager a, PackageManager b) =>
        a == b || (a is PackageManager.Yum or PackageManager.Dnf or PackageManager.Microdnf && b is PackageManager.Yum or PackageManager.Dnf or PackageManager.Microdnf);

    /// <summary>True when the next instruction is a cleanup-only RUN that removes the apt lists (DF309 reports that one).</summary>
    private static bool NextRunCleansAptLists(SemanticModel model, BuildStage stage, RunInstructionSyntax run, CancellationToken cancellationToken)
    {
        if (StageFacts.Next(stage, run) is not RunInstructionSyntax next || !CleanupRuns.IsCleanupOnly(model, stage, next, cancellationToken)) return false;
        return CommandInvocation.All(model.GetShellScript(next, cancellationToken)).Any(PackageManagers.RemovesAptLists);
    }
}
