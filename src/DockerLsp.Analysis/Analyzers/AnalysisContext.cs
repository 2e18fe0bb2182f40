using System.Collections.Immutable;
using DockerLsp.Syntax;

namespace DockerLsp.Analysis.Analyzers;

/// <summary>
/// The registration surface handed to <see cref="DiagnosticAnalyzer.Initialize"/>. Callbacks run once per analysis:
/// syntax-node actions for each node of the given kinds (instructions nested in ONBUILD included), shell-command actions
/// for each simple command of every RUN (shell form, exec form and heredoc scripts), stage actions once per build stage,
/// and semantic-model actions once per document.
/// <para>
/// <b>Stage scope.</b> Stage actions, and node and shell-command actions for anything inside a stage, are <i>stage-scoped</i>:
/// the driver reuses their diagnostics for a stage whose text (and whose ancestors' text) did not change since the previous
/// analysis of the same document (see <see cref="AnalysisCache"/>). Such a callback may therefore depend only on the stage's
/// own instructions, the instructions of the stages it is built on (<see cref="Semantics.BuildStage.BaseStage"/> chain), the
/// instructions before the first FROM, the FROM instruction of every stage (names, bases, count, which one is final), the
/// configuration and the build context, and must report inside the stage. It must not read the body of another stage
/// (e.g. <see cref="Semantics.SemanticModel.StageReferences"/> or <see cref="Semantics.SemanticModel.AllDeclarations"/> of the
/// whole file); a rule that needs that registers a semantic-model action, which runs on every analysis.
/// A message that cites a line number must use a descriptor created with <c>messageCitesLines: true</c>.
/// </para>
/// </summary>
public abstract class AnalysisContext
{
    public abstract void RegisterSyntaxNodeAction(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<SyntaxKind> kinds);

    public void RegisterSyntaxNodeAction(Action<SyntaxNodeAnalysisContext> action, params SyntaxKind[] kinds) =>
        RegisterSyntaxNodeAction(action, kinds.ToImmutableArray());

    public abstract void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action);

    public abstract void RegisterShellCommandAction(Action<ShellCommandAnalysisContext> action);

    /// <summary>Registers a callback run once for each build stage (stage-scoped: see the type's remarks).</summary>
    public abstract void RegisterStageAction(Action<StageAnalysisContext> action);

    /// <summary>
    /// Declares a value computed from the whole document on every analysis that this analyzer's stage-scoped callbacks also
    /// depend on (e.g. the file's majority keyword casing). It must be cheap. Cached stage findings are reused only while
    /// every declared input <see cref="object.Equals(object?)"/> its value in the previous analysis.
    /// </summary>
    public abstract void RegisterDocumentInput(Func<DockerfileDocument, object?> input);
}
