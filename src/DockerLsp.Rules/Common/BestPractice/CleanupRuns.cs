using DockerLsp.Analysis.Semantics;
using DockerLsp.Analysis.Shell;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// Recognises RUN instructions that only delete or clean up (DF309): package caches and lists, package removals, temporary and
/// documentation directories, downloaded archives, and paths an earlier RUN of the stage wrote. Such a RUN frees no space because
/// the files stay in the earlier layer. Deleting a file that only the base image has (a default config) is not a cleanup in this
/// sense: it is configuration and stays out of this rule.
/// </summary>
internal static class CleanupRuns
{
    private static readonly string[] s_cacheDirectories =
    [
        "/var/lib/apt/lists", "/var/cache", "/tmp", "/var/tmp", "/root/.cache", "~/.cache", "$HOME/.cache", "/root/.npm", "~/.npm",
        "$HOME/.npm", "/usr/local/share/.cache", "/usr/share/doc", "/usr/share/man", "/usr/share/info", "/var/log", "/root/.m2",
        "/root/.gradle", "/root/.cargo/registry", "/go/pkg/mod/cache", "/var/lib/dnf", "/var/lib/yum",
    ];

    private static readonly string[] s_archiveExtensions =
    [
        ".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz", ".tar.zst", ".zip", ".gz", ".bz2", ".xz", ".zst", ".7z",
        ".deb", ".rpm", ".apk", ".whl", ".run", ".bin", ".msi", ".iso",
    ];

    private static readonly HashSet<string> s_neutralCommands = new(StringComparer.Ordinal) { "set", "true", ":" };

    /// <summary>True when every command of <paramref name="run"/> cleans up (and there is at least one cleanup).</summary>
    public static bool IsCleanupOnly(SemanticModel model, BuildStage stage, RunInstructionSyntax run, CancellationToken cancellationToken)
    {
        if (run.Mounts.Any() || run.IsExecForm) return false;
        var script = model.GetShellScript(run, cancellationToken);
        if (!script.IsPosix || script.Commands.IsEmpty) return false;
        var cleanups = 0;
        foreach (var command in script.Commands)
        {
            if (command.Words.IsEmpty) continue;
            if (CommandInvocation.Of(command) is not { } invocation) return false;
            if (s_neutralCommands.Contains(invocation.Name)) continue;
            if (!IsCleanup(model, stage, run, invocation, cancellationToken)) return false;
            cleanups++;
        }
        return cleanups > 0;
    }

    /// <summary>True for one cleanup command (see the type summary).</summary>
    public static bool IsCleanup(SemanticModel model, BuildStage stage, RunInstructionSyntax run, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        if (PackageManagers.Classify(invocation) is { Action: PackageAction.Remove or PackageAction.Clean }) return true;
        if (invocation.Name is "conda" && invocation.Subcommand()?.Value == "clean") return true;
        if (invocation.Name is not ("rm" or "rmdir")) return false;
        var paths = invocation.Positionals();
        if (paths.IsEmpty) return false;
        var workdir = model.GetBuildState(run).Workdir;
        return paths.All(p => IsDisposable(model, stage, run, p.Value, workdir, cancellationToken));
    }

    private static bool IsDisposable(SemanticModel model, BuildStage stage, RunInstructionSyntax run, string path, string? workdir, CancellationToken cancellationToken)
    {
        var trimmed = path.TrimEnd('*').TrimEnd('/');
        if (s_cacheDirectories.Any(d => trimmed == d || trimmed.StartsWith(d + "/", StringComparison.Ordinal))) return true;
        // Any user's cache directory (/home/app/.cache/..., ${HOME}/.cache).
        if (trimmed.EndsWith("/.cache", StringComparison.Ordinal) || trimmed.Contains("/.cache/", StringComparison.Ordinal)) return true;
        var resolved = ContainerPaths.Resolve(trimmed, workdir);
        if (IsCopyTarget(model, stage, run, resolved)) return false;
        if (s_archiveExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase))) return true;
        return WrittenByEarlierRun(model, stage, run, resolved, cancellationToken);
    }

    /// <summary>True when an earlier COPY/ADD of the stage put <paramref name="path"/> (or a directory holding it) there.</summary>
    public static bool IsCopyTarget(SemanticModel model, BuildStage stage, InstructionSyntax before, string path)
    {
        foreach (var instruction in stage.Instructions)
        {
            if (instruction.Span.Start >= before.Span.Start) break;
            if (instruction is not CopyLikeInstructionSyntax copy || CopyFacts.Of(model, copy) is not { } facts) continue;
            // The file itself, or anything under a whole-context copy's destination.
            if (facts.Sources.Any(s => facts.TargetOf(s) == path)) return true;
            if (facts.CopiesWholeContext && ContainerPaths.IsSameOrUnder(path, facts.ResolvedDestination)) return true;
        }
        return false;
    }

    /// <summary>True when an earlier RUN of the stage mentions <paramref name="path"/> (as a word, or inside one such as <c>-o/tmp/x</c>).</summary>
    private static bool WrittenByEarlierRun(SemanticModel model, BuildStage stage, RunInstructionSyntax run, string path, CancellationToken cancellationToken)
    {
        if (path is "/" or ".") return false;
        foreach (var instruction in stage.Instructions)
        {
            if (instruction.Span.Start >= run.Span.Start) break;
            if (instruction is not RunInstructionSyntax earlier) continue;
            var workdir = model.GetBuildState(earlier).Workdir;
            foreach (var token in model.GetShellScript(earlier, cancellationToken).Tokens)
            {
                if (token.Kind != ShellTokenKind.Word) continue;
                var value = token.Value;
                if (value.Contains(path, StringComparison.Ordinal) || ContainerPaths.Resolve(value, workdir) == path) return true;
            }
        }
        return false;
    }
}
