using DockerLsp.Features.Diagnostics;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.CodeActions;

/// <summary>
/// One action offered to the editor: a title, a kind, the diagnostics it fixes, a <see cref="Key"/> that finds the same
/// action again for lazy resolution, and lazily computed minimal text changes in the coordinates of the document version
/// it was computed on.
/// </summary>
public sealed record CodeActionItem(
    string Title,
    CodeActionCategory Kind,
    bool IsPreferred,
    IReadOnlyList<DocumentDiagnostic> Diagnostics,
    string Key,
    Func<CancellationToken, IReadOnlyList<TextChange>> ComputeChanges);

/// <summary>What kind of action an item is (mapped to LSP code action kinds by the server).</summary>
public enum CodeActionCategory
{
    QuickFix,
    /// <summary>A rewrite of code without a diagnostic (shell/exec form, split/join RUN, sort packages).</summary>
    RefactorRewrite,
    /// <summary>Fix every auto-fixable problem in the file (<c>source.fixAll</c>).</summary>
    SourceFixAll,
}
