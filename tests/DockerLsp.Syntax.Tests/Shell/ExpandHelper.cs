using DockerLsp.Syntax.Shell;

namespace DockerLsp.Syntax.Tests.Shell;

/// <summary>A small fixed environment and shorthands shared by the shell unit tests.</summary>
internal static class ExpandHelper
{
    public static ShellEnvironment Env { get; } = ShellEnvironment.FromAssignments(
    [
        "set=abc",
        "empty=",
        "file=dir/sub/file.tar.gz",
        "fruit=banana",
        "slashes=a/b/c",
        "star=*x",
        "spaced=a b",
        "PWD=/home",
    ]);

    public static ShellExpansionResult Word(string text, ShellWordOptions? options = null) =>
        ShellWordExpander.ExpandWord(text, Env, options);

    public static ShellExpansionResult Words(string text, ShellWordOptions? options = null) =>
        ShellWordExpander.ExpandWords(text, Env, options);
}
