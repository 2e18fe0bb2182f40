using System.Collections.Immutable;
using DockerLsp.Syntax;

namespace DockerLsp.Analysis.Analyzers;

/// <summary>
/// Runs a fixed set of analyzers over documents. Construction calls every analyzer's <c>Initialize</c> once and keeps the
/// registrations; <see cref="Analyze(DockerfileDocument, AnalysisConfiguration, CancellationToken)"/> then converts the parser's
/// diagnostics, walks the tree once dispatching syntax-node callbacks, runs shell-command and semantic-model callbacks, and
/// applies configuration (severity, off) and inline suppressions. An analyzer that throws is isolated: it yields an internal
/// DF001 diagnostic and its remaining callbacks are skipped for that document, while the other analyzers still run.
/// Cancellation is checked between callbacks and propagates as <see cref="OperationCanceledException"/>.
/// Thread-safe: one driver can analyse many documents concurrently.
/// </summary>
public sealed partial class AnalyzerDriver
{
    private readonly ImmutableArray<AnalyzerRegistration> _registrations;

    public AnalyzerDriver(IEnumerable<DiagnosticAnalyzer> analyzers)
    {
        Analyzers = analyzers.ToImmutableArray();
        _registrations = Analyzers.Select(AnalyzerRegistration.Create).ToImmutableArray();
        SupportedDiagnostics = Analyzers.SelectMany(a => a.SupportedDiagnostics)
            .Concat(SyntaxDiagnosticDescriptors.All)
            .Concat(InternalDiagnosticDescriptors.All)
            .Distinct()
            .ToImmutableArray();
    }

    public ImmutableArray<DiagnosticAnalyzer> Analyzers { get; }

    internal ImmutableArray<AnalyzerRegistration> Registrations => _registrations;

    /// <summary>Every descriptor the driver can report: the analyzers', the parser's and the engine's own.</summary>
    public ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; }

    /// <summary>Analyses a tree without a path or build context.</summary>
    public ImmutableArray<Diagnostic> Analyze(SyntaxTree tree, AnalysisConfiguration configuration, CancellationToken cancellationToken = default) =>
        Analyze(new DockerfileDocument(tree), configuration, cancellationToken);

    /// <summary>The visible diagnostics of <paramref name="document"/>: effective severity applied, disabled and suppressed ones removed, sorted by position.</summary>
    public ImmutableArray<Diagnostic> Analyze(DockerfileDocument document, AnalysisConfiguration configuration, CancellationToken cancellationToken = default) =>
        AnalyzeWithDetails(document, configuration, cancellationToken).Diagnostics;

    /// <summary>Like <see cref="Analyze(DockerfileDocument, AnalysisConfiguration, CancellationToken)"/>, also returning the suppressed diagnostics.</summary>
    public AnalysisResult AnalyzeWithDetails(DockerfileDocument document, AnalysisConfiguration configuration, CancellationToken cancellationToken = default) =>
        AnalyzeWithDetails(document, configuration, null, cancellationToken);

    /// <summary>
    /// Like <see cref="AnalyzeWithDetails(DockerfileDocument, AnalysisConfiguration, CancellationToken)"/>, reusing the findings of
    /// unchanged stages from <paramref name="cache"/> (the previous analysis of the same document) and leaving this analysis's
    /// there for the next version. The result is the same as without a cache.
    /// </summary>
    public AnalysisResult AnalyzeWithDetails(DockerfileDocument document, AnalysisConfiguration configuration, AnalysisCache? cache, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        configuration ??= AnalysisConfiguration.Default;
        var run = new DriverRun(this, document, configuration, cache, cancellationToken);
        return run.Execute();
    }
}

/// <summary>The diagnostics of one analysis, and those that inline suppressions hid (for "show suppressed" or tests).</summary>
public sealed record AnalysisResult(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Diagnostic> SuppressedDiagnostics);
