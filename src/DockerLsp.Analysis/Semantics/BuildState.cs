using System.Collections.Immutable;
using DockerLsp.Syntax;

namespace DockerLsp.Analysis.Semantics;

/// <summary>
/// The build state in effect when an instruction runs (set by earlier instructions of its stage, and inherited through
/// <c>FROM &lt;stage&gt;</c>): the USER and its instruction, the WORKDIR (made absolute when the earlier ones allow) and the
/// SHELL argv (default <c>/bin/sh -c</c>; Windows images differ but cannot be known statically).
/// </summary>
public sealed record BuildState(
    string? User,
    UserInstructionSyntax? UserInstruction,
    string? Workdir,
    WorkdirInstructionSyntax? WorkdirInstruction,
    ImmutableArray<string> Shell,
    ShellInstructionSyntax? ShellInstruction)
{
    public static ImmutableArray<string> DefaultShell { get; } = ["/bin/sh", "-c"];

    public static BuildState Initial { get; } = new(null, null, null, null, DefaultShell, null);

    /// <summary>Windows images run shell-form commands with <c>cmd /S /C</c>.</summary>
    public static BuildState InitialWindows { get; } = new(null, null, null, null, ["cmd", "/S", "/C"], null);

    /// <summary>True when the shell is bash, zsh, ash or ksh and has <c>-o pipefail</c> (then a failing pipe stage fails the RUN).</summary>
    public bool HasPipefail
    {
        get
        {
            var executable = Shell.IsDefaultOrEmpty ? string.Empty : Path.GetFileName(Shell[0].Replace('\\', '/'));
            if (executable is not ("bash" or "zsh" or "ash" or "ksh" or "mksh")) return false;
            for (var i = 1; i + 1 < Shell.Length; i++)
            {
                if (Shell[i] == "-o" && Shell[i + 1] == "pipefail") return true;
            }
            return Shell.Any(s => s.StartsWith('-') && !s.StartsWith("--", StringComparison.Ordinal) && s.Contains('o') && Shell.Contains("pipefail"));
        }
    }

    /// <summary>False for PowerShell and cmd, whose scripts the POSIX shell model cannot read.</summary>
    public bool IsPosixShell
    {
        get
        {
            var executable = Shell.IsDefaultOrEmpty ? string.Empty : Shell[0].ToLowerInvariant();
            return !(executable.Contains("pwsh", StringComparison.Ordinal) || executable.Contains("powershell", StringComparison.Ordinal) || executable.EndsWith("cmd", StringComparison.Ordinal) || executable.EndsWith("cmd.exe", StringComparison.Ordinal));
        }
    }

    /// <summary>True when the effective user is root (no USER, or USER root / 0, with any group).</summary>
    public bool IsRoot => User is null || IsRootUser(User);

    public static bool IsRootUser(string user)
    {
        var name = user.Split(':')[0].Trim();
        return name is "root" or "0";
    }
}
