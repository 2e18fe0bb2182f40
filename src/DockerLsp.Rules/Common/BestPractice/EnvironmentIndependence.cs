using DockerLsp.Analysis.Shell;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// Commands known not to read arbitrary build variables from their environment: OS package managers, user management, file
/// shuffling, downloads and the lockfile installs of language package managers. A volatile ARG or ENV can move past a RUN made only
/// of these (unless the RUN names the variable) without changing what the RUN does; a build script, <c>make</c>, <c>npm run</c> or an
/// MSBuild publish may read any variable, so DF303 never moves a declaration past one of them.
/// </summary>
internal static class EnvironmentIndependence
{
    private static readonly HashSet<string> s_commands = new(StringComparer.Ordinal)
    {
        "mkdir", "ln", "rm", "rmdir", "chmod", "chown", "chgrp", "cp", "mv", "touch", "echo", "printf", "true", "set", ":", "test", "[",
        "curl", "wget", "tar", "unzip", "gzip", "gunzip", "xz", "bzip2", "sha256sum", "sha512sum", "md5sum", "gpg", "gpgv", "apt-key",
        "useradd", "adduser", "groupadd", "addgroup", "usermod", "groupmod", "locale-gen", "update-locale", "update-ca-certificates",
        "sed", "cat", "tee", "install", "dpkg", "rpm", "update-alternatives", "ldconfig", "cd", "sh", "bash", "find", "xargs", "grep",
    };

    public static bool IsIndependent(ShellScript script)
    {
        if (!script.IsPosix) return false;
        foreach (var command in script.Commands)
        {
            if (command.Words.IsEmpty) continue;
            if (CommandInvocation.Of(command) is not { } invocation) return false;
            if (!IsIndependent(invocation)) return false;
        }
        return true;
    }

    private static bool IsIndependent(CommandInvocation invocation)
    {
        if (s_commands.Contains(invocation.Name))
        {
            // A shell running a script file (sh build.sh) may read anything; 'sh -c "..."' is read by the model as its own commands.
            return invocation.Name is not ("sh" or "bash") || invocation.HasFlag("-c");
        }
        if (PackageManagers.Classify(invocation) is { } package && (package.IsSystemManager || package.Action == PackageAction.Clean)) return true;
        if (DependencyInstalls.Recognize(invocation) is { CanRunWithManifestsOnly: true }) return true;
        // A language package install of plain names (pip install flask): building a local project (pip install .) may read anything.
        return PackageManagers.Classify(invocation) is { Action: PackageAction.Install } install
            && !install.Invocation.HasFlag("-e", "--editable")
            && install.Packages.All(p => !p.Value.StartsWith('.') && !p.Value.Contains('/'));
    }
}
