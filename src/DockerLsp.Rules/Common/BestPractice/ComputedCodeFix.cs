using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// The skeleton of a best-practice fix whose offerability is its own result: the fix is offered exactly when
/// <see cref="Fix"/> produces edits for the diagnostic. <see cref="RegisterCodeFixes"/> computes the edits once and the action hands
/// back that very result when applied (no second computation). <see cref="Fix"/> must therefore cost what analysing the diagnostic's
/// stage costs, not the whole document: implementations look only at the stages holding the diagnostics
/// (<see cref="StageFacts.StagesAt"/>). Fix-all either sends every diagnostic of the document to one <see cref="Fix"/> call
/// (<see cref="FixesAllTogether"/>, for moves that share destinations: <see cref="GroupingFixAllProvider"/>), or merges the fixes
/// one diagnostic at a time (the engine's batch strategy).
/// </summary>
public abstract class ComputedCodeFix : CodeFixProvider
{
    /// <summary>The rule ID, which is also the fix's equivalence key.</summary>
    protected abstract string DiagnosticId { get; }

    /// <summary>The action's title.</summary>
    protected abstract string Title { get; }

    /// <summary>
    /// True when fix-all fixes all diagnostics in one <see cref="Fix"/> call; false for the batch strategy, where <see cref="Fix"/>
    /// always receives one diagnostic.
    /// </summary>
    protected virtual bool FixesAllTogether => true;

    public sealed override ImmutableArray<string> FixableDiagnosticIds => [DiagnosticId];

    /// <summary>The edits fixing <paramref name="diagnostics"/> together, or null when none of them can be fixed.</summary>
    protected abstract DocumentChanges? Fix(DockerfileDocument document, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken);

    public sealed override void RegisterCodeFixes(CodeFixContext context)
    {
        if (Fix(context.Document, [context.Diagnostic], context.CancellationToken) is not { } changes) return;
        context.RegisterCodeFix(CodeAction.Create(Title, _ => changes, DiagnosticId, isPreferred: true));
    }

    public override FixAllProvider? GetFixAllProvider() =>
        FixesAllTogether ? new GroupingFixAllProvider(DiagnosticId, _ => 0, Fix) : FixAllProvider.Batch;
}
