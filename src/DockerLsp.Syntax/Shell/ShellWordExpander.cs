namespace DockerLsp.Syntax.Shell;

/// <summary>
/// Entry points for BuildKit-compatible shell-word processing: quote removal, escapes, <c>$var</c> /
/// <c>${var…}</c> expansion and (in multi-word mode) word splitting. Pure functions of their arguments;
/// they never throw, a malformed input gives a failed <see cref="ShellExpansionResult"/> instead.
/// A null text is treated as "", a null environment as <see cref="ShellEnvironment.Empty"/>.
/// </summary>
public static class ShellWordExpander
{
    /// <summary>
    /// Single-word mode (BuildKit <c>ProcessWord</c>): the whole input becomes one string, and whitespace from
    /// expansions stays inside it. <see cref="ShellExpansionResult.Words"/> is empty.
    /// </summary>
    public static ShellExpansionResult ExpandWord(string text, IShellEnvironment env, ShellWordOptions? options = null) =>
        ShellExpander.Run(text, env, options, splitWords: false);

    /// <summary>
    /// Multi-word mode (BuildKit <c>ProcessWords</c>): unquoted whitespace and whitespace produced by unquoted
    /// expansions separate words; quoted text never splits; empty words are dropped.
    /// <see cref="ShellExpansionResult.Result"/> holds the unsplit text as well.
    /// </summary>
    public static ShellExpansionResult ExpandWords(string text, IShellEnvironment env, ShellWordOptions? options = null) =>
        ShellExpander.Run(text, env, options, splitWords: true);
}
