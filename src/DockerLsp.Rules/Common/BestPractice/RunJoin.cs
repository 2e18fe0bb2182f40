using DockerLsp.Analysis.Semantics;
using DockerLsp.Analysis.Shell;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// Joining two adjacent RUN instructions into one (DF301, and the merges of DF309 and DF312, which must produce the very same
/// edit so that fix-all deduplicates them instead of rejecting one). The join is one replacement of the region between the end
/// of the first RUN's script and the start of the second's, so any other edit that lands inside that region conflicts visibly
/// rather than ending up inside the new continuation. Safety: both RUNs are shell form without heredocs, with the same flags;
/// the first does not change shell state the second would inherit (<c>cd</c>, <c>export</c>, <c>set</c>...), and the second is
/// a single and-list, so that <c>a &amp;&amp; b</c> fails exactly when one of the two RUNs failed before.
/// </summary>
internal static class RunJoin
{
    private static readonly HashSet<string> s_stateChangingCommands = new(StringComparer.Ordinal)
    {
        "cd", "pushd", "popd", "export", "unset", "set", "source", ".", "umask", "ulimit", "alias", "unalias", "shopt", "trap",
        "exec", "exit", "return", "readonly", "declare", "typeset", "local", "eval", "builtin", "hash", "enable",
    };

    /// <summary>True when <paramref name="second"/> can be appended to <paramref name="first"/> with <c>&amp;&amp;</c> without changing what the build does.</summary>
    public static bool CanJoin(SemanticModel model, RunInstructionSyntax first, RunInstructionSyntax second, CancellationToken cancellationToken)
    {
        if (!IsPlainShellForm(first) || !IsPlainShellForm(second)) return false;
        if (!SameFlags(first, second)) return false;
        var firstScript = model.GetShellScript(first, cancellationToken);
        var secondScript = model.GetShellScript(second, cancellationToken);
        if (!firstScript.IsPosix || !secondScript.IsPosix || firstScript.Commands.IsEmpty || secondScript.Commands.IsEmpty) return false;
        if (!EndsCleanly(firstScript) || ChangesShellState(firstScript)) return false;
        return IsSingleAndList(secondScript);
    }

    /// <summary>The replacement that joins <paramref name="second"/> onto <paramref name="first"/>: comment lines between them are kept (BuildKit drops comment lines inside a continuation), blank lines are dropped.</summary>
    public static TextChange Join(SourceText text, DockerfileStyle style, RunInstructionSyntax first, RunInstructionSyntax second)
    {
        var start = first.ShellForm!.Span.End;
        var end = second.ShellForm!.Span.Start;
        var lines = text.Lines;
        var builder = new System.Text.StringBuilder();
        var firstLine = lines.GetLineFromOffset(start) + 1;
        var keywordLine = lines.GetLineFromOffset(second.Span.Start);
        for (var line = firstLine; line < keywordLine; line++)
        {
            var content = text.ToString(TextSpan.FromBounds(lines.GetLineStart(line), lines.GetLineEnd(line)));
            if (content.TrimStart(' ', '\t').StartsWith('#')) builder.Append(content).Append(style.Newline);
        }
        var replacement = style.Placement == ChainOperatorPlacement.TrailingOperator
            ? " && " + style.Escape + style.Newline + builder + style.ContinuationIndent
            : " " + style.Escape + style.Newline + builder + style.ContinuationIndent + "&& ";
        return new TextChange(TextSpan.FromBounds(start, end), replacement);
    }

    /// <summary>Shell form, no heredoc, arguments present.</summary>
    public static bool IsPlainShellForm(RunInstructionSyntax run) => run.ShellForm is not null && !run.Heredocs.Any() && run.Parent is SourceFileSyntax;

    public static bool SameFlags(InstructionSyntax first, InstructionSyntax second)
    {
        var a = first.Flags.Select(f => f.BuildKitText).Order(StringComparer.Ordinal).ToArray();
        var b = second.Flags.Select(f => f.BuildKitText).Order(StringComparer.Ordinal).ToArray();
        return a.SequenceEqual(b, StringComparer.Ordinal);
    }

    /// <summary>False when the script ends in a comment, a dangling operator or a background job: appending to it would change or break it.</summary>
    public static bool EndsCleanly(ShellScript script)
    {
        var last = script.Tokens.LastOrDefault(t => t.Kind != ShellTokenKind.Newline);
        return last is not null && last.Kind is ShellTokenKind.Word or ShellTokenKind.CloseParen;
    }

    /// <summary>True when a top-level command changes state that later commands of the same shell would inherit.</summary>
    public static bool ChangesShellState(ShellScript script) =>
        script.Commands.Any(c => c.Depth == 0 && (s_stateChangingCommands.Contains(c.Name) || (c.Words.IsEmpty && !c.Assignments.IsEmpty)));

    /// <summary>True when the top level has only <c>&amp;&amp;</c> and pipes between commands, so <c>x &amp;&amp; script</c> runs none of it after a failing <c>x</c>.</summary>
    public static bool IsSingleAndList(ShellScript script)
    {
        var depth = 0;
        foreach (var token in script.Tokens)
        {
            switch (token.Kind)
            {
                case ShellTokenKind.OpenParen: depth++; break;
                case ShellTokenKind.CloseParen: depth--; break;
                case ShellTokenKind.Newline when depth == 0: return false;
                case ShellTokenKind.Operator when depth == 0 && token.Text is not ("&&" or "|" or "|&"): return false;
            }
        }
        return true;
    }
}
