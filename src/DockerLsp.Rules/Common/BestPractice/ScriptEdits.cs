using DockerLsp.Analysis.Shell;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// Edits inside a RUN script built from the shell model's tokens, never from a text search: appending commands, inserting words
/// after a token, and removing a command from an <c>&amp;&amp;</c> chain. Each returns null when the script's shape makes the edit
/// unsafe (exec form, a trailing comment, other operators around the command), so that callers offer no fix rather than a wrong one.
/// </summary>
internal static class ScriptEdits
{
    /// <summary>
    /// Appends commands to the end of a RUN script: inline (<c>… &amp;&amp; cmd</c>) on a one-line RUN, one command per continuation line on
    /// a multi-line RUN, or as new lines at the end of a bare <c>RUN &lt;&lt;EOF</c> script. The change replaces the script's last token
    /// with itself plus the suffix, so that it does not collide with a join (DF301) that starts right after that token.
    /// </summary>
    public static TextChange? AppendCommands(SourceText text, DockerfileStyle style, ShellScript script, IReadOnlyList<string> commands)
    {
        if (commands.Count == 0 || !script.IsPosix || script.Form != ShellScriptForm.ShellForm) return null;
        var run = script.Instruction;
        if (run.Heredocs.Any()) return AppendToHeredoc(text, style, script, commands);
        if (!RunJoin.EndsCleanly(script)) return null;
        var last = script.Tokens.Last(t => t.Kind != ShellTokenKind.Newline);
        var lines = text.Lines;
        var multiLine = lines.GetLineFromOffset(run.Span.Start) != lines.GetLineFromOffset(last.Span.End);
        var suffix = string.Concat(commands.Select(c => multiLine ? style.ChainOnNewLine() + c : " && " + c));
        return new TextChange(last.Span, text.ToString(last.Span) + suffix);
    }

    /// <summary>A bare heredoc script (<c>RUN &lt;&lt;EOF</c> and nothing else on the line): the commands become its last lines.</summary>
    private static TextChange? AppendToHeredoc(SourceText text, DockerfileStyle style, ShellScript script, IReadOnlyList<string> commands)
    {
        var heredocs = script.Instruction.Heredocs.ToArray();
        if (heredocs.Length != 1 || !heredocs[0].IsTerminated || script.Parts.Length != 2) return null;
        var lineCommands = script.Commands.Where(c => c.Span.Start < heredocs[0].Span.Start && !c.Words.IsEmpty);
        if (lineCommands.Any()) return null;
        var terminator = heredocs[0].Terminator;
        var position = text.Lines.GetLineStart(text.Lines.GetLineFromOffset(terminator.Span.Start));
        var indent = heredocs[0].Chomp ? "\t" : string.Empty;
        return TextChange.Insert(position, string.Concat(commands.Select(c => indent + c + style.Newline)));
    }

    /// <summary>Inserts <paramref name="words"/> (space-separated) right after <paramref name="token"/>.</summary>
    public static TextChange InsertAfter(ShellToken token, string words) => TextChange.Insert(token.Span.End, " " + words);

    /// <summary>The span of a command including its assignments and redirections.</summary>
    public static TextSpan Extent(ShellCommand command)
    {
        var tokens = command.Assignments.Concat(command.Words).Concat(command.Redirections).ToArray();
        return tokens.Length == 0 ? command.Span : TextSpan.FromBounds(tokens.Min(t => t.Span.Start), tokens.Max(t => t.Span.End));
    }

    /// <summary>
    /// Removes top-level commands from a script whose top level is a single <c>&amp;&amp;</c> chain. Returns the deletions, an empty list when
    /// every command goes (the caller deletes the instruction), or null when a command is nested, piped or joined by another operator.
    /// </summary>
    public static IReadOnlyList<TextChange>? RemoveCommands(ShellScript script, IReadOnlyCollection<ShellCommand> remove)
    {
        if (script.Form != ShellScriptForm.ShellForm || script.Instruction.Heredocs.Any() || !RunJoin.IsSingleAndList(script)) return null;
        var topLevel = script.Commands.Where(c => c.Depth == 0 && !(c.Words.IsEmpty && c.Assignments.IsEmpty)).ToList();
        if (remove.Any(c => c.Depth != 0 || c.IsInPipeline)) return null;
        var keep = topLevel.Where(c => !remove.Contains(c)).ToList();
        if (keep.Count == 0) return [];
        var changes = new List<TextChange>();
        for (var i = 0; i < topLevel.Count; i++)
        {
            if (!remove.Contains(topLevel[i])) continue;
            var next = topLevel.Skip(i + 1).FirstOrDefault(c => !remove.Contains(c));
            if (next is not null)
            {
                changes.Add(TextChange.Delete(TextSpan.FromBounds(Extent(topLevel[i]).Start, Extent(next).Start)));
            }
            else
            {
                // The removed commands end the chain: cut from the end of the last kept command before them.
                var previous = topLevel.Take(i).Last(c => !remove.Contains(c));
                changes.Add(TextChange.Delete(TextSpan.FromBounds(Extent(previous).End, Extent(topLevel[^1]).End)));
                break;
            }
        }
        return Merge(changes);
    }

    /// <summary>Coalesces adjacent or overlapping deletions into one each.</summary>
    private static List<TextChange> Merge(List<TextChange> deletions)
    {
        var result = new List<TextChange>();
        foreach (var change in deletions.OrderBy(d => d.Span.Start))
        {
            if (result.Count > 0 && result[^1].Span.End >= change.Span.Start)
            {
                var merged = TextSpan.FromBounds(result[^1].Span.Start, Math.Max(result[^1].Span.End, change.Span.End));
                result[^1] = TextChange.Delete(merged);
            }
            else
            {
                result.Add(change);
            }
        }
        return result;
    }
}
