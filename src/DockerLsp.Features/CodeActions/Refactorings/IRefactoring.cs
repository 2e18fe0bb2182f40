using DockerLsp.Features.Workspace;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.CodeActions.Refactorings;

/// <summary>
/// A rewrite offered on a selection without a diagnostic. Implementations are stateless, never lose text (they decline
/// when the instruction holds comments or heredocs they would drop) and return minimal changes.
/// </summary>
internal interface IRefactoring
{
    IEnumerable<CodeActionItem> GetActions(Document document, TextSpan range, CancellationToken cancellationToken);
}

/// <summary>Helpers shared by the refactorings.</summary>
internal static class RefactoringHelpers
{
    /// <summary>Top-level instructions whose span touches <paramref name="range"/>.</summary>
    public static IEnumerable<InstructionSyntax> InstructionsTouching(Document document, TextSpan range)
    {
        var root = document.Tree.Root;
        var first = root.FindInstruction(range.Start);
        if (first is null) yield break;
        var started = false;
        foreach (var instruction in root.Instructions)
        {
            if (ReferenceEquals(instruction, first) || instruction.Position == first.Position) started = true;
            if (!started) continue;
            if (instruction.Span.Start > range.End && !ReferenceEquals(instruction, first)) yield break;
            yield return instruction;
        }
    }

    /// <summary>True when a continuation inside the node carries a comment line, which a rewrite of its text would lose.</summary>
    public static bool HasEmbeddedComments(SyntaxNode node) =>
        node.DescendantTokens().Any(t => t.LeadingTrivia.Concat(t.TrailingTrivia).Any(v => v.Kind is SyntaxKind.ContinuationCommentLineTrivia or SyntaxKind.CommentTrivia) && t.Span.Start > node.Span.Start);

    public static string Key(string name, InstructionSyntax instruction) => $"refactor:{name}:{instruction.Span.Start}";
}
