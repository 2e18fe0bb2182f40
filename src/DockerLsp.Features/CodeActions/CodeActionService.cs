using DockerLsp.Features.CodeActions.Refactorings;
using DockerLsp.Features.Diagnostics;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.CodeActions;

/// <summary>
/// Collects the code actions for a range of one analysed document version: the fixes of the diagnostics touching the range
/// (preferred first), "fix all of this rule in the file", suppressions for the instruction and the file, the refactorings
/// that apply at the range, and the source-level fix-all. Actions are found again by key for lazy resolution; a key
/// computed on another version simply finds nothing. Fixes that edit other files (<see cref="CodeActionItem.ComputeFileChanges"/>)
/// are offered only when the host can apply such edits and every path stays inside the document's directory; fix-all actions
/// then keep their edits of the document and drop the others. Stateless and thread-safe.
/// </summary>
public sealed class CodeActionService(IAnalysisEngine engine)
{
    /// <summary>
    /// Above this many diagnostics in one range (a whole-file request), per-diagnostic suppressions are not offered: they
    /// would be hundreds of near-identical entries. Fixes, fix-all and source.fixAll are still offered.
    /// </summary>
    public const int MaxDiagnosticsForSuppressions = 10;

    private static readonly IRefactoring[] s_refactorings =
    [
        new ConvertCommandFormRefactoring(),
        new SplitChainedRunRefactoring(),
        new JoinRunsRefactoring(),
        new SortPackagesRefactoring(),
    ];

    /// <summary>
    /// The actions for <paramref name="range"/>; <paramref name="only"/> limits the kinds (null means all). When
    /// <paramref name="canEditOtherFiles"/> is false (the editor cannot create files), fixes that edit other files are left out.
    /// </summary>
    public IReadOnlyList<CodeActionItem> GetActions(DocumentAnalysis analysis, TextSpan range, IReadOnlySet<CodeActionCategory>? only, CancellationToken cancellationToken,
        bool canEditOtherFiles = true)
    {
        var actions = new List<CodeActionItem>();
        bool Wanted(CodeActionCategory kind) => only is null || only.Contains(kind);
        if (Wanted(CodeActionCategory.QuickFix)) actions.AddRange(QuickFixes(analysis, range, canEditOtherFiles, cancellationToken));
        if (Wanted(CodeActionCategory.RefactorRewrite))
        {
            foreach (var refactoring in s_refactorings)
            {
                cancellationToken.ThrowIfCancellationRequested();
                actions.AddRange(refactoring.GetActions(analysis.Document, range, cancellationToken));
            }
        }
        if (Wanted(CodeActionCategory.SourceFixAll) && engine.GetFixAll(analysis, null, cancellationToken) is { } fixAll)
        {
            actions.Add(new CodeActionItem(fixAll.Title, CodeActionCategory.SourceFixAll, false, [], "source.fixAll", fixAll.ComputeChanges)
            {
                ComputeFileChanges = FileChangesForFixAll(fixAll, canEditOtherFiles),
            });
        }
        return actions;
    }

    /// <summary>The action with <paramref name="key"/> among those offered for <paramref name="range"/>, or null when it is no longer offered.</summary>
    public CodeActionItem? Resolve(DocumentAnalysis analysis, TextSpan range, string key, CancellationToken cancellationToken, bool canEditOtherFiles = true) =>
        GetActions(analysis, range, null, cancellationToken, canEditOtherFiles).FirstOrDefault(a => a.Key == key);

    /// <summary>
    /// Whether a single fix can be offered: its file changes (computed here; engines memoise them, and rule fixes are cheap) must be
    /// expressible — none at all when the host cannot edit other files, and only paths inside the document's directory.
    /// </summary>
    private static bool CanOffer(FixAction fix, bool canEditOtherFiles, CancellationToken cancellationToken)
    {
        if (fix.ComputeFileChanges is null) return true;
        var changes = fix.ComputeFileChanges(cancellationToken);
        return changes.Count == 0 || (canEditOtherFiles && changes.All(c => c.IsContained));
    }

    /// <summary>A fix-all keeps the file changes it can express (contained paths, when the host can apply them) and drops the others.</summary>
    private static Func<CancellationToken, IReadOnlyList<FileChange>>? FileChangesForFixAll(FixAction fix, bool canEditOtherFiles) =>
        !canEditOtherFiles || fix.ComputeFileChanges is not { } compute ? null : ct => compute(ct).Where(c => c.IsContained).ToArray();

    private IEnumerable<CodeActionItem> QuickFixes(DocumentAnalysis analysis, TextSpan range, bool canEditOtherFiles, CancellationToken cancellationToken)
    {
        var touching = analysis.Diagnostics.Where(d => d.Span.IntersectsWith(range)).ToArray();
        var offerSuppressions = touching.Length <= MaxDiagnosticsForSuppressions;
        var countById = analysis.Diagnostics.GroupBy(d => d.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var suppressions = new List<CodeActionItem>();
        var fixAlls = new List<CodeActionItem>();
        foreach (var diagnostic in touching)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fixes = engine.GetFixes(analysis, diagnostic, cancellationToken);
            var offered = 0;
            for (var i = 0; i < fixes.Count; i++)
            {
                var fix = fixes[i];
                // The key keeps the engine's index, so a fix left out does not shift the keys of the others.
                if (!CanOffer(fix, canEditOtherFiles, cancellationToken)) continue;
                offered++;
                yield return new CodeActionItem(fix.Title, CodeActionCategory.QuickFix, fix.IsPreferred && i == 0, [diagnostic], $"fix:{diagnostic.FixKey}:{i}", fix.ComputeChanges)
                {
                    ComputeFileChanges = fix.ComputeFileChanges,
                };
            }
            if (offered > 0 && countById[diagnostic.Id] > 1 && !fixAlls.Any(a => a.Key == "fixAll:" + diagnostic.Id) &&
                engine.GetFixAll(analysis, diagnostic.Id, cancellationToken) is { } all)
            {
                // The action lists the diagnostics of the requested range; it fixes every one in the file.
                fixAlls.Add(new CodeActionItem($"Fix all {diagnostic.Id} in this file", CodeActionCategory.QuickFix, false,
                    touching.Where(d => d.Id == diagnostic.Id).ToArray(), "fixAll:" + diagnostic.Id, all.ComputeChanges)
                {
                    ComputeFileChanges = FileChangesForFixAll(all, canEditOtherFiles),
                });
            }
            if (!offerSuppressions) continue;
            foreach (var target in new[] { SuppressionTarget.Instruction, SuppressionTarget.File })
            {
                if (engine.GetSuppression(analysis, diagnostic, target, cancellationToken) is { } suppression)
                {
                    suppressions.Add(new CodeActionItem(suppression.Title, CodeActionCategory.QuickFix, false, [diagnostic], $"suppress:{target}:{diagnostic.FixKey}", suppression.ComputeChanges));
                }
            }
        }
        foreach (var item in fixAlls) yield return item;
        foreach (var item in suppressions) yield return item;
    }
}
