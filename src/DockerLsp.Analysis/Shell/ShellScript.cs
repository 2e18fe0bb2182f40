using System.Collections.Immutable;
using DockerLsp.Syntax;

namespace DockerLsp.Analysis.Shell;

/// <summary>Where a script's text comes from.</summary>
public enum ShellScriptForm
{
    /// <summary>Shell-form arguments (<c>RUN apt-get update &amp;&amp; ...</c>), possibly followed by heredoc scripts.</summary>
    ShellForm,

    /// <summary>Exec form: one command whose words are the JSON strings (a <c>sh -c "..."</c> script inside is also read).</summary>
    ExecForm,
}

/// <summary>
/// The shell model of one RUN (or CMD/ENTRYPOINT) instruction: every token and every simple command of its script(s) with exact
/// Dockerfile spans. Shell form: the instruction's logical text, plus each heredoc body that the shell runs (a bare
/// <c>RUN &lt;&lt;EOF</c>, or a heredoc fed to sh/bash). Exec form: the argv as one command, plus the script of <c>sh -c</c>.
/// When the SHELL is not POSIX (PowerShell, cmd) the script is not tokenized and <see cref="Commands"/> is empty. Immutable.
/// </summary>
public sealed class ShellScript
{
    internal ShellScript(CommandInstructionSyntax instruction, ShellScriptForm form, bool isPosix)
    {
        Instruction = instruction;
        Form = form;
        IsPosix = isPosix;
    }

    public CommandInstructionSyntax Instruction { get; }
    public ShellScriptForm Form { get; }
    public bool IsPosix { get; }

    /// <summary>All tokens of all script parts, in document order.</summary>
    public ImmutableArray<ShellToken> Tokens { get; internal set; } = [];

    /// <summary>Every simple command, in source order (commands inside substitutions and subshells included).</summary>
    public ImmutableArray<ShellCommand> Commands { get; internal set; } = [];

    /// <summary>The source maps of the script parts (the instruction line first, then heredoc bodies).</summary>
    public ImmutableArray<ShellSourceMap> Parts { get; internal set; } = [];

    /// <summary>True when any command is piped into another (<c>|</c> or <c>|&amp;</c>).</summary>
    public bool HasPipes => Tokens.Any(t => t.Kind == ShellTokenKind.Operator && t.Text is "|" or "|&");

    /// <summary>Commands named <paramref name="name"/> (by value), in order.</summary>
    public IEnumerable<ShellCommand> FindCommands(string name) => Commands.Where(c => c.Name == name);

    public override string ToString() => string.Join(" ; ", Commands);
}
