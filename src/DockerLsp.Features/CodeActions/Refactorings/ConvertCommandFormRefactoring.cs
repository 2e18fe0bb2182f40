using System.Text;
using DockerLsp.Features.Workspace;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Shell;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.CodeActions.Refactorings;

/// <summary>
/// Converts CMD, ENTRYPOINT and RUN between shell form and exec (JSON) form. A shell command that needs a shell (operators,
/// variables, globs, redirections) becomes <c>["/bin/sh", "-c", "..."]</c> so its meaning is kept; otherwise its words become
/// the array. Exec form becomes shell form by unwrapping <c>sh -c</c> or by quoting each element as needed.
/// </summary>
internal sealed class ConvertCommandFormRefactoring : IRefactoring
{
    private const string ShellMetacharacters = "|&;<>()$`\\\"'*?[]#~=%{}\n";

    public IEnumerable<CodeActionItem> GetActions(Document document, TextSpan range, CancellationToken cancellationToken)
    {
        foreach (var instruction in RefactoringHelpers.InstructionsTouching(document, range).Take(1))
        {
            if (instruction is not (CmdInstructionSyntax or EntrypointInstructionSyntax or RunInstructionSyntax)) yield break;
            var command = (CommandInstructionSyntax)instruction;
            if (command.Heredocs.Any() || RefactoringHelpers.HasEmbeddedComments(command)) yield break;
            var keyword = command.KeywordText;
            if (command.ShellForm is { } shell)
            {
                var text = shell.GetCommandText();
                if (text.Trim().Length == 0) yield break;
                yield return new CodeActionItem($"Convert {keyword} to exec form", CodeActionCategory.RefactorRewrite, false, [],
                    RefactoringHelpers.Key("toExec", command), _ => [new TextChange(shell.Span, ToExec(text, document.Tree.EscapeCharacter))]);
            }
            else if (command.ExecForm is { } exec)
            {
                var values = exec.Values;
                if (values.Count == 0) yield break;
                yield return new CodeActionItem($"Convert {keyword} to shell form", CodeActionCategory.RefactorRewrite, false, [],
                    RefactoringHelpers.Key("toShell", command), _ => [new TextChange(exec.Span, ToShell(values))]);
            }
        }
    }

    internal static string ToExec(string command, char escape)
    {
        var trimmed = command.Trim();
        if (trimmed.IndexOfAny(ShellMetacharacters.ToCharArray()) >= 0 || trimmed.Contains(escape))
        {
            return Json(["/bin/sh", "-c", trimmed]);
        }
        var words = ShellWordExpander.ExpandWords(trimmed, ShellEnvironment.Empty, new ShellWordOptions { EscapeToken = escape });
        return Json(words.Succeeded ? words.Words.Select(w => w.Text).ToArray() : ["/bin/sh", "-c", trimmed]);
    }

    internal static string ToShell(IReadOnlyList<string> values)
    {
        if (values.Count == 3 && values[0] is "/bin/sh" or "sh" or "/bin/bash" or "bash" && values[1] == "-c") return values[2];
        return string.Join(' ', values.Select(Quote));
    }

    private static string Quote(string value)
    {
        if (value.Length > 0 && value.All(c => char.IsLetterOrDigit(c) || "-_./:,+@%=".Contains(c))) return value;
        return "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    internal static string Json(IEnumerable<string> values)
    {
        var builder = new StringBuilder("[");
        var first = true;
        foreach (var value in values)
        {
            if (!first) builder.Append(", ");
            first = false;
            builder.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\t': builder.Append("\\t"); break;
                    case '\r': builder.Append("\\r"); break;
                    case < ' ': builder.Append($"\\u{(int)c:x4}"); break;
                    default: builder.Append(c); break;
                }
            }
            builder.Append('"');
        }
        return builder.Append(']').ToString();
    }
}
