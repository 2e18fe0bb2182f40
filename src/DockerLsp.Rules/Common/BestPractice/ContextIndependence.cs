using DockerLsp.Analysis.Semantics;
using DockerLsp.Analysis.Shell;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// Decides whether a RUN can run before files copied from the build context (DF308): every command is on a list of commands whose
/// inputs are named on the command line (OS package installs, users, downloads, directory and link creation...), and no path argument,
/// output file or redirection target lies in a copied destination. A build script, a language dependency install that reads a
/// manifest, or any unknown command is assumed to read the copied files. Names of packages and users are not paths.
/// </summary>
internal static class ContextIndependence
{
    private static readonly HashSet<string> s_pathCommands = new(StringComparer.Ordinal) { "mkdir", "ln", "chmod", "chown", "chgrp", "rm", "rmdir", "touch", "sed", "sha256sum", "sha512sum", "md5sum", "cd" };
    private static readonly HashSet<string> s_nameCommands = new(StringComparer.Ordinal) { "useradd", "adduser", "groupadd", "addgroup", "usermod", "groupmod", "locale-gen", "update-locale", "update-ca-certificates", "dpkg-reconfigure", "localedef", "set", "true", ":", "echo", "printf", "apt-key" };
    private static readonly HashSet<string> s_downloadCommands = new(StringComparer.Ordinal) { "curl", "wget" };

    public static bool IsIndependent(SemanticModel model, RunInstructionSyntax run, IReadOnlyCollection<string> copiedDestinations, CancellationToken cancellationToken)
    {
        if (run.IsExecForm || RunMounts.Of(run).Any(m => m.Type == "bind")) return false;
        var script = model.GetShellScript(run, cancellationToken);
        if (!script.IsPosix || script.Commands.IsEmpty) return false;
        var workdir = model.GetBuildState(run).Workdir;
        bool Touches(string path)
        {
            if (path.StartsWith('-')) return false;
            var expanded = model.Expand(path, run);
            // A path made of variables nobody defined could be anything, including a copied file.
            if (expanded.Contains('$')) return expanded.Contains('/');
            var resolved = ContainerPaths.Resolve(expanded, workdir);
            // Inside a copied tree, or a directory holding one (chown -R /app reaches /app/app.jar).
            return copiedDestinations.Any(d => ContainerPaths.IsSameOrUnder(resolved, d) || (resolved != "/" && ContainerPaths.IsSameOrUnder(d, resolved)));
        }
        foreach (var command in script.Commands)
        {
            if (command.Words.IsEmpty) continue;
            if (command.Redirections.Any(r => r.Kind == ShellTokenKind.Word && Touches(r.Value))) return false;
            if (CommandInvocation.Of(command) is not { } invocation) return false;
            if (!IsIndependent(invocation, Touches)) return false;
        }
        return true;
    }

    private static bool IsIndependent(CommandInvocation invocation, Func<string, bool> touches)
    {
        var name = invocation.Name;
        if (s_nameCommands.Contains(name)) return true;
        if (s_pathCommands.Contains(name)) return !invocation.Positionals().Any(p => touches(p.Value));
        if (s_downloadCommands.Contains(name))
        {
            return !invocation.Arguments.Any(a => touches(a.Value) && !a.Value.Contains("://", StringComparison.Ordinal));
        }
        if (name is "tar" or "unzip" or "gpg" or "install") return !invocation.Arguments.Any(a => touches(a.Value));
        if (PackageManagers.Classify(invocation) is { } package)
        {
            if (!package.IsSystemManager && package.Manager != PackageManager.Pip) return false;
            if (package.Manager == PackageManager.Pip && (package.Action != PackageAction.Install || invocation.HasFlag("-r", "--requirement", "-e", "--editable", "-c", "--constraint"))) return false;
            // Local package files (./x.deb, /tmp/y.rpm, .) come from somewhere: only names are independent.
            return package.Packages.All(p => !p.Value.StartsWith('.') && !p.Value.Contains('/'));
        }
        if (name == "gem" && invocation.Subcommand()?.Value == "install") return true;
        if (name == "go" && invocation.Subcommand()?.Value == "install") return invocation.Positionals().Skip(1).All(p => p.Value.Contains('@'));
        return false;
    }
}
