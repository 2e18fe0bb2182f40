using DockerLsp.Features.Workspace;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.CodeActions.Refactorings;

/// <summary>
/// Rewrites a shell-form RUN that chains commands with <c>&amp;&amp;</c> so that each command is on its own continuation
/// line (<c>RUN a \ &amp;&amp; b</c>), which makes diffs and reviews line-per-command. Offered when some line holds two commands.
/// </summary>
internal sealed class SplitChainedRunRefactoring : IRefactoring
{
    public IEnumerable<CodeActionItem> GetActions(Document document, TextSpan range, CancellationToken cancellationToken)
    {
        foreach (var instruction in RefactoringHelpers.InstructionsTouching(document, range).Take(1))
        {
            if (instruction is not RunInstructionSyntax { ShellForm: { } shell } run || run.Heredocs.Any() || RefactoringHelpers.HasEmbeddedComments(run)) yield break;
            var escape = document.Tree.EscapeCharacter;
            var commands = ShellCommandSplitter.SplitAndChain(shell.GetCommandText(), escape);
            if (commands.Count < 2) yield break;
            var rawLines = shell.ToString().Split('\n');
            if (rawLines.All(line => ShellCommandSplitter.SplitAndChain(line.TrimEnd('\r', ' ', escape), escape).Count < 2)) yield break;
            var newline = document.Text.AsSpan().IndexOf("\r\n") >= 0 ? "\r\n" : "\n";
            var text = string.Join($" {escape}{newline}    && ", commands);
            yield return new CodeActionItem("Split RUN into one command per line", CodeActionCategory.RefactorRewrite, false, [],
                RefactoringHelpers.Key("splitRun", run), _ => [new TextChange(shell.Span, text)]);
        }
    }
}
