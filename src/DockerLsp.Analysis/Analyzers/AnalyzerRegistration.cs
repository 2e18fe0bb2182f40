using System.Collections.Immutable;
using DockerLsp.Syntax;

namespace DockerLsp.Analysis.Analyzers;

/// <summary>
/// The callbacks one analyzer registered in <c>Initialize</c>, captured once per driver. When <c>Initialize</c> throws,
/// <see cref="InitializationFailure"/> holds the exception and the analyzer contributes a DF001 diagnostic instead of callbacks.
/// </summary>
internal sealed class AnalyzerRegistration
{
    private AnalyzerRegistration(DiagnosticAnalyzer analyzer)
    {
        Analyzer = analyzer;
        Supported = analyzer.SupportedDiagnostics.ToImmutableHashSet();
    }

    public DiagnosticAnalyzer Analyzer { get; }
    public ImmutableHashSet<DiagnosticDescriptor> Supported { get; }
    public List<(ImmutableArray<SyntaxKind> Kinds, Action<SyntaxNodeAnalysisContext> Action)> NodeActions { get; } = [];
    public List<Action<SemanticModelAnalysisContext>> SemanticModelActions { get; } = [];
    public List<Action<ShellCommandAnalysisContext>> ShellCommandActions { get; } = [];
    public List<Action<StageAnalysisContext>> StageActions { get; } = [];
    public List<Func<DockerfileDocument, object?>> DocumentInputs { get; } = [];
    public Exception? InitializationFailure { get; private set; }

    public static AnalyzerRegistration Create(DiagnosticAnalyzer analyzer)
    {
        var registration = new AnalyzerRegistration(analyzer);
        try
        {
            analyzer.Initialize(new Collector(registration));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            registration.InitializationFailure = exception;
            registration.NodeActions.Clear();
            registration.SemanticModelActions.Clear();
            registration.ShellCommandActions.Clear();
            registration.StageActions.Clear();
            registration.DocumentInputs.Clear();
        }
        return registration;
    }

    /// <summary>The registration surface handed to the analyzer.</summary>
    private sealed class Collector(AnalyzerRegistration registration) : AnalysisContext
    {
        public override void RegisterSyntaxNodeAction(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<SyntaxKind> kinds) =>
            registration.NodeActions.Add((kinds, action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) =>
            registration.SemanticModelActions.Add(action);

        public override void RegisterShellCommandAction(Action<ShellCommandAnalysisContext> action) =>
            registration.ShellCommandActions.Add(action);

        public override void RegisterStageAction(Action<StageAnalysisContext> action) =>
            registration.StageActions.Add(action);

        public override void RegisterDocumentInput(Func<DockerfileDocument, object?> input) =>
            registration.DocumentInputs.Add(input);
    }
}
