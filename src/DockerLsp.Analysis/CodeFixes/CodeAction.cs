namespace DockerLsp.Analysis.CodeFixes;

/// <summary>
/// A fix or refactoring offered to the user. The title is shown in menus; <see cref="EquivalenceKey"/> groups actions that do
/// the same thing for fix-all (by convention the rule ID, plus a suffix when a rule offers several kinds of fix);
/// <see cref="IsPreferred"/> marks the action an editor applies on "quick fix". The edits are computed lazily, from the
/// snapshot the diagnostic was computed on.
/// </summary>
public abstract class CodeAction
{
    public abstract string Title { get; }
    public abstract string EquivalenceKey { get; }
    public virtual bool IsPreferred => false;

    /// <summary>
    /// True when the edits may include <see cref="DocumentChanges.FileEdits"/> (files other than the Dockerfile). Hosts that must
    /// know whether they can apply an action before offering it compute only such actions' changes up front.
    /// </summary>
    public virtual bool EditsOtherFiles => false;

    /// <summary>Computes the edits; safe to call more than once (the result is the same).</summary>
    public abstract Task<DocumentChanges> GetChangesAsync(CancellationToken cancellationToken);

    /// <summary>An action whose edits come from a synchronous function, computed on first request and cached.</summary>
    public static CodeAction Create(string title, Func<CancellationToken, DocumentChanges> createChanges, string equivalenceKey, bool isPreferred = false,
        bool editsOtherFiles = false) =>
        new DelegateCodeAction(title, createChanges, equivalenceKey, isPreferred, editsOtherFiles);

    public override string ToString() => Title;

    /// <summary>The common implementation: a delegate, memoised.</summary>
    private sealed class DelegateCodeAction(string title, Func<CancellationToken, DocumentChanges> createChanges, string equivalenceKey, bool isPreferred,
        bool editsOtherFiles) : CodeAction
    {
        private DocumentChanges? _changes;

        public override string Title => title;
        public override string EquivalenceKey => equivalenceKey;
        public override bool IsPreferred => isPreferred;
        public override bool EditsOtherFiles => editsOtherFiles;

        public override Task<DocumentChanges> GetChangesAsync(CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(_changes ??= createChanges(cancellationToken));
        }
    }
}
