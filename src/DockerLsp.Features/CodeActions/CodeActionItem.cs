using DockerLsp.Features.Diagnostics;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.CodeActions;

/// <summary>
/// One action offered to the editor: a title, a kind, the diagnostics it fixes, a <see cref="Key"/> that finds the same
/// action again for lazy resolution, and lazily computed minimal text changes in the coordinates of the document version
/// it was computed on, plus (for fixes such as "Create a .dockerignore") edits to other files.
/// </summary>
public sealed record CodeActionItem(
    string Title,
    CodeActionCategory Kind,
    bool IsPreferred,
    IReadOnlyList<DocumentDiagnostic> Diagnostics,
    string Key,
    Func<CancellationToken, IReadOnlyList<TextChange>> ComputeChanges)
{
    /// <summary>Edits to other files of the build context (relative to the document's directory), computed lazily; null when there are none.</summary>
    public Func<CancellationToken, IReadOnlyList<FileChange>>? ComputeFileChanges { get; init; }
}

/// <summary>What kind of action an item is (mapped to LSP code action kinds by the server).</summary>
public enum CodeActionCategory
{
    QuickFix,
    /// <summary>A rewrite of code without a diagnostic (shell/exec form, split/join RUN, sort packages).</summary>
    RefactorRewrite,
    /// <summary>Fix every auto-fixable problem in the file (<c>source.fixAll</c>).</summary>
    SourceFixAll,
}
