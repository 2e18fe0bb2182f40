using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.Shell;

/// <summary>The lexical class of a shell token.</summary>
public enum ShellTokenKind
{
    Word,

    /// <summary>A control operator: <c>&amp;&amp; || ; ;; | |&amp; &amp;</c>.</summary>
    Operator,

    /// <summary>A redirection operator (<c>&gt; &gt;&gt; &lt; &lt;&lt; 2&gt;&amp;1</c> ...), IO number included.</summary>
    Redirection,
    OpenParen,
    CloseParen,
    Newline,
    Comment,
}

/// <summary>
/// One token of a shell script: kind, raw text, value (for words: quotes removed, backslash escapes applied, expansions kept as
/// written), whether quoting or expansions occur in it, its logical range in the script text and its span in the Dockerfile.
/// </summary>
public sealed record ShellToken(
    ShellTokenKind Kind,
    string Text,
    string Value,
    int Start,
    int End,
    TextSpan Span,
    bool IsQuoted,
    bool HasExpansion)
{
    public override string ToString() => $"{Kind} {Text}";
}
