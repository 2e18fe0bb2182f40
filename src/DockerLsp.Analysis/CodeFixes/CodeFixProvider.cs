using System.Collections.Immutable;

namespace DockerLsp.Analysis.CodeFixes;

/// <summary>
/// Offers code actions for diagnostics of the IDs in <see cref="FixableDiagnosticIds"/>. <see cref="RegisterCodeFixes"/> must be
/// cheap: it registers actions whose edits are computed lazily. Providers are stateless and do no IO.
/// </summary>
public abstract class CodeFixProvider
{
    public abstract ImmutableArray<string> FixableDiagnosticIds { get; }

    public abstract void RegisterCodeFixes(CodeFixContext context);

    /// <summary>How to fix every occurrence at once; the default merges the individual fixes and drops conflicting ones.</summary>
    public virtual FixAllProvider? GetFixAllProvider() => FixAllProvider.Batch;

    public override string ToString() => GetType().Name;
}

/// <summary>The input of <see cref="CodeFixProvider.RegisterCodeFixes"/>: the document snapshot, the diagnostic, and a sink for actions.</summary>
public sealed class CodeFixContext
{
    private readonly Action<CodeAction, Diagnostic> _register;

    public CodeFixContext(DockerfileDocument document, Diagnostic diagnostic, Action<CodeAction, Diagnostic> register, CancellationToken cancellationToken)
    {
        Document = document;
        Diagnostic = diagnostic;
        _register = register;
        CancellationToken = cancellationToken;
    }

    public DockerfileDocument Document { get; }
    public Diagnostic Diagnostic { get; }
    public CancellationToken CancellationToken { get; }

    public void RegisterCodeFix(CodeAction action) => _register(action, Diagnostic);
}
