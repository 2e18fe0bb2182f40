using DockerLsp.Features.Workspace;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.CodeActions.Refactorings;

/// <summary>
/// Joins consecutive shell-form RUN instructions (without flags, heredocs or comments between them) into one RUN chained
/// with <c>&amp;&amp;</c>, one command per line, saving layers. Offered on a selection covering several RUNs, or on a RUN
/// directly followed by another.
/// </summary>
internal sealed class JoinRunsRefactoring : IRefactoring
{
    public IEnumerable<CodeActionItem> GetActions(Document document, TextSpan range, CancellationToken cancellationToken)
    {
        var touched = RefactoringHelpers.InstructionsTouching(document, range).ToList();
        if (touched.Count == 1)
        {
            var all = document.Tree.Root.Instructions;
            var index = IndexOf(all, touched[0]);
            if (index >= 0 && index + 1 < all.Count) touched.Add(all[index + 1]);
        }
        var runs = touched.TakeWhile(Joinable).ToArray();
        if (runs.Length < 2) yield break;
        if (runs.Skip(1).Any(r => r.Keyword.LeadingTrivia.Any(t => t.Kind == SyntaxKind.CommentTrivia))) yield break;
        var escape = document.Tree.EscapeCharacter;
        var newline = document.Text.AsSpan().IndexOf("\r\n") >= 0 ? "\r\n" : "\n";
        var commands = runs.SelectMany(r => ShellCommandSplitter.SplitAndChain(((RunInstructionSyntax)r).ShellForm!.GetCommandText(), escape));
        var text = "RUN " + string.Join($" {escape}{newline}    && ", commands);
        var span = TextSpan.FromBounds(runs[0].Span.Start, runs[^1].Span.End);
        yield return new CodeActionItem($"Join {runs.Length} RUN instructions", CodeActionCategory.RefactorRewrite, false, [],
            RefactoringHelpers.Key("joinRuns", runs[0]) + ":" + runs.Length, _ => [new TextChange(span, text)]);
    }

    private static bool Joinable(InstructionSyntax instruction) =>
        instruction is RunInstructionSyntax { ShellForm: not null } run && !run.Flags.Any() && !run.Heredocs.Any() && !RefactoringHelpers.HasEmbeddedComments(run);

    private static int IndexOf(IReadOnlyList<InstructionSyntax> list, InstructionSyntax instruction)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Position == instruction.Position) return i;
        }
        return -1;
    }
}
