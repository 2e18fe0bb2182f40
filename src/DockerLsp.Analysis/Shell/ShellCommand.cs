using System.Collections.Immutable;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.Shell;

/// <summary>The control operator between two commands.</summary>
public enum ShellOperator
{
    None,
    And,
    Or,
    Semicolon,
    Pipe,
    Background,
    Newline,
}

/// <summary>A flag of a command line: <c>-y</c> (one letter of a cluster such as <c>-yq</c>) or <c>--yes</c>/<c>--opt=value</c>.</summary>
public readonly record struct ShellFlag(string Name, bool IsLong, string? Value, ShellToken Token)
{
    /// <summary>The flag as written on the command line, e.g. <c>-y</c> or <c>--no-cache</c>.</summary>
    public string DisplayName => (IsLong ? "--" : "-") + Name;
}

/// <summary>
/// One simple command of a script: leading assignments, the command name and its arguments (redirections and their targets are
/// separate), the operators before and after it, whether it sits in a pipeline, how deep it is nested in subshells or command
/// substitutions, and its span in the Dockerfile (from the name to the last argument). Order in <see cref="ShellScript.Commands"/>
/// is source order; <see cref="Index"/> is the position in that list.
/// </summary>
public sealed partial class ShellCommand
{
    internal ShellCommand(ShellScript script, int index, ImmutableArray<ShellToken> assignments, ImmutableArray<ShellToken> words,
        ImmutableArray<ShellToken> redirections, ShellOperator precedingOperator, ShellOperator followingOperator, int depth)
    {
        Script = script;
        Index = index;
        Assignments = assignments;
        Words = words;
        Redirections = redirections;
        PrecedingOperator = precedingOperator;
        FollowingOperator = followingOperator;
        Depth = depth;
    }

    public ShellScript Script { get; }
    public int Index { get; }

    /// <summary><c>NAME=value</c> words before the command name.</summary>
    public ImmutableArray<ShellToken> Assignments { get; }

    /// <summary>The name followed by the arguments.</summary>
    public ImmutableArray<ShellToken> Words { get; }

    /// <summary>Redirection operators and their targets, in order.</summary>
    public ImmutableArray<ShellToken> Redirections { get; }

    public ShellOperator PrecedingOperator { get; }
    public ShellOperator FollowingOperator { get; }

    /// <summary>0 at top level; 1 and more inside <c>( )</c>, <c>$( )</c> or backticks.</summary>
    public int Depth { get; }

    public ShellToken? NameToken => Words.IsEmpty ? null : Words[0];

    /// <summary>The command name (its value, e.g. <c>apt-get</c>), or empty for an assignment-only command.</summary>
    public string Name => Words.IsEmpty ? string.Empty : Words[0].Value;

    public ImmutableArray<ShellToken> Arguments => Words.IsEmpty ? [] : Words.RemoveAt(0);

    public bool IsInPipeline => PrecedingOperator == ShellOperator.Pipe || FollowingOperator == ShellOperator.Pipe;

    /// <summary>From the first word (or assignment) to the last word, in the Dockerfile.</summary>
    public TextSpan Span
    {
        get
        {
            var first = Assignments.IsEmpty ? (Words.IsEmpty ? null : Words[0]) : Assignments[0];
            var last = Words.IsEmpty ? (Assignments.IsEmpty ? null : Assignments[^1]) : Words[^1];
            return first is null || last is null ? default : TextSpan.FromBounds(first.Span.Start, Math.Max(first.Span.Start, last.Span.End));
        }
    }

    public override string ToString() => string.Join(' ', Words.Select(w => w.Value));
}
