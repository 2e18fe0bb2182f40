using DockerLsp.Analysis.Semantics;
using DockerLsp.Analysis.Shell;
using DockerLsp.Syntax;

namespace DockerLsp.Analysis.Analyzers;

/// <summary>What every callback context shares: the document, its semantic model, the options and cancellation.</summary>
public abstract class AnalyzerCallbackContext
{
    private readonly Action<Diagnostic> _report;

    private protected AnalyzerCallbackContext(DockerfileDocument document, AnalysisConfiguration options, Action<Diagnostic> report, CancellationToken cancellationToken)
    {
        Document = document;
        Options = options;
        _report = report;
        CancellationToken = cancellationToken;
    }

    public DockerfileDocument Document { get; }
    public SyntaxTree SyntaxTree => Document.SyntaxTree;

    /// <summary>The document's semantic model (computed once per document, on first use).</summary>
    public SemanticModel SemanticModel => Document.GetSemanticModel(CancellationToken);

    /// <summary>The configuration in effect, for rule options such as trusted registries.</summary>
    public AnalysisConfiguration Options { get; }
    public CancellationToken CancellationToken { get; }

    /// <summary>Reports a diagnostic; the driver applies severity and suppressions afterwards.</summary>
    public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);
}

/// <summary>The context of a syntax-node callback: the node of a registered kind.</summary>
public sealed class SyntaxNodeAnalysisContext : AnalyzerCallbackContext
{
    internal SyntaxNodeAnalysisContext(SyntaxNode node, DockerfileDocument document, AnalysisConfiguration options, Action<Diagnostic> report, CancellationToken cancellationToken)
        : base(document, options, report, cancellationToken)
    {
        Node = node;
    }

    public SyntaxNode Node { get; }
}

/// <summary>The context of a semantic-model callback, called once per document.</summary>
public sealed class SemanticModelAnalysisContext : AnalyzerCallbackContext
{
    internal SemanticModelAnalysisContext(DockerfileDocument document, AnalysisConfiguration options, Action<Diagnostic> report, CancellationToken cancellationToken)
        : base(document, options, report, cancellationToken)
    {
    }
}

/// <summary>The context of a shell-command callback: one simple command in a RUN instruction's script.</summary>
public sealed class ShellCommandAnalysisContext : AnalyzerCallbackContext
{
    internal ShellCommandAnalysisContext(ShellCommand command, DockerfileDocument document, AnalysisConfiguration options, Action<Diagnostic> report, CancellationToken cancellationToken)
        : base(document, options, report, cancellationToken)
    {
        Command = command;
    }

    public ShellCommand Command { get; }
    public ShellScript Script => Command.Script;

    /// <summary>The RUN instruction the command belongs to (possibly nested in ONBUILD).</summary>
    public CommandInstructionSyntax Instruction => Command.Script.Instruction;
}

/// <summary>The context of a stage callback: one build stage (stage-scoped; see <see cref="AnalysisContext"/>).</summary>
public sealed class StageAnalysisContext : AnalyzerCallbackContext
{
    internal StageAnalysisContext(BuildStage stage, DockerfileDocument document, AnalysisConfiguration options, Action<Diagnostic> report, CancellationToken cancellationToken)
        : base(document, options, report, cancellationToken)
    {
        Stage = stage;
    }

    public BuildStage Stage { get; }
}
