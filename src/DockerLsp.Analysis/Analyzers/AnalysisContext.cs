using System.Collections.Immutable;
using DockerLsp.Syntax;

namespace DockerLsp.Analysis.Analyzers;

/// <summary>
/// The registration surface handed to <see cref="DiagnosticAnalyzer.Initialize"/>. Callbacks run once per analysis:
/// syntax-node actions for each node of the given kinds (instructions nested in ONBUILD included), shell-command actions
/// for each simple command of every RUN (shell form, exec form and heredoc scripts), and semantic-model actions once per document.
/// </summary>
public abstract class AnalysisContext
{
    public abstract void RegisterSyntaxNodeAction(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<SyntaxKind> kinds);

    public void RegisterSyntaxNodeAction(Action<SyntaxNodeAnalysisContext> action, params SyntaxKind[] kinds) =>
        RegisterSyntaxNodeAction(action, kinds.ToImmutableArray());

    public abstract void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action);

    public abstract void RegisterShellCommandAction(Action<ShellCommandAnalysisContext> action);
}
