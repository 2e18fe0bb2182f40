using DockerLsp.Features.Settings;
using DockerLsp.Features.Workspace;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.Diagnostics;

/// <summary>
/// The seam between editor features and whatever computes findings and their fixes: the syntax layer alone
/// (<see cref="SyntaxAnalysisEngine"/>) or the analysis engine with its rule catalogue. Implementations are thread-safe,
/// keep no per-document state beyond caches tied to a document's lineage, do no IO (a build context comes from the host through
/// <see cref="IBuildContextProvider"/>) and honour cancellation. Fixes are always computed from the
/// <see cref="DocumentAnalysis"/> the diagnostic came from, so spans agree.
/// </summary>
public interface IAnalysisEngine
{
    /// <summary>All findings for <paramref name="document"/> under <paramref name="settings"/>, in document order.</summary>
    DocumentAnalysis Analyze(Document document, LanguageServerSettings settings, CancellationToken cancellationToken);

    /// <summary>The fixes offered for one diagnostic of <paramref name="analysis"/>, preferred first.</summary>
    IReadOnlyList<FixAction> GetFixes(DocumentAnalysis analysis, DocumentDiagnostic diagnostic, CancellationToken cancellationToken);

    /// <summary>One action fixing every diagnostic of <paramref name="diagnosticId"/> (or every fixable one when null), or null when nothing is fixable.</summary>
    FixAction? GetFixAll(DocumentAnalysis analysis, string? diagnosticId, CancellationToken cancellationToken);

    /// <summary>The edit that suppresses <paramref name="diagnostic"/> for its instruction or the whole file, or null when it cannot be suppressed.</summary>
    FixAction? GetSuppression(DocumentAnalysis analysis, DocumentDiagnostic diagnostic, SuppressionTarget target, CancellationToken cancellationToken);

    /// <summary>True when <paramref name="diagnosticId"/> has at least one fix.</summary>
    bool IsFixable(string diagnosticId);
}

/// <summary>
/// The findings of one document version under one configuration. Engines derive from it to keep what they need to compute
/// fixes later (their own diagnostic objects, the semantic model). Immutable.
/// </summary>
public class DocumentAnalysis(Document document, LanguageServerSettings settings, IReadOnlyList<DocumentDiagnostic> diagnostics)
{
    public Document Document { get; } = document;
    public LanguageServerSettings Settings { get; } = settings;
    public IReadOnlyList<DocumentDiagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>
    /// True once something the analysis depended on, but did not have yet, has become available (a registry lookup it
    /// started has answered): caches must compute the analysis again instead of reusing it. False for ordinary analyses.
    /// </summary>
    public virtual bool IsOutdated => false;
}

/// <summary>
/// A code fix with lazily computed, minimal text changes in the coordinates of the analysed document version.
/// <see cref="EquivalenceKey"/> groups fixes that do the same thing (for fix-all).
/// </summary>
public sealed record FixAction(string Title, string EquivalenceKey, bool IsPreferred, Func<CancellationToken, IReadOnlyList<TextChange>> ComputeChanges)
{
    /// <summary>
    /// The fix's edits to other files of the build context (e.g. creating <c>.dockerignore</c>), computed lazily; null when the fix
    /// only ever edits the document. Hosts that cannot create or edit other files must not offer a fix whose list is not empty.
    /// </summary>
    public Func<CancellationToken, IReadOnlyList<FileChange>>? ComputeFileChanges { get; init; }
}

/// <summary>Where a suppression comment applies.</summary>
public enum SuppressionTarget
{
    Instruction,
    File,
}
