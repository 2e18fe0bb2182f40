namespace DockerLsp.Syntax.Shell;

/// <summary>
/// Immutable switches for the shell-word lexer, one per BuildKit <c>Lex</c> field.
/// The defaults are what Dockerfile instructions use for variable expansion: backslash escapes,
/// quotes removed, escapes processed, unset variables expanding to the empty string.
/// </summary>
public sealed record ShellWordOptions
{
    /// <summary>The options BuildKit uses by default (<c>NewLex('\\')</c>).</summary>
    public static ShellWordOptions Default { get; } = new();

    /// <summary>The escape character: <c>\</c>, or <c>`</c> when the Dockerfile says <c># escape=`</c>.</summary>
    public char EscapeToken { get; init; } = '\\';

    /// <summary>Keep quote characters in the output (quotes still group text and still stop word splitting).</summary>
    public bool RawQuotes { get; init; }

    /// <summary>Keep escape characters in the output (the escaped character is still taken literally).</summary>
    public bool RawEscapes { get; init; }

    /// <summary>Treat <c>'</c> and <c>"</c> as ordinary characters.</summary>
    public bool SkipProcessQuotes { get; init; }

    /// <summary>Reproduce <c>$X</c> and <c>${X...}</c> as written when X is unset, instead of expanding to "".</summary>
    public bool SkipUnsetEnv { get; init; }
}
