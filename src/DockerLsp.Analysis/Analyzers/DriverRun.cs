using System.Collections.Immutable;
using DockerLsp.Analysis.Semantics;
using DockerLsp.Analysis.Suppression;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.Analyzers;

/// <summary>
/// One execution of the driver over one document: per-run state (failed analyzers, collected diagnostics). Document-scoped
/// work (parser diagnostics, node actions outside stages, semantic-model actions) runs every time; stage-scoped work runs per
/// stage, or is taken from the <see cref="AnalysisCache"/> when the stage did not change.
/// </summary>
internal sealed partial class DriverRun
{
    private readonly AnalyzerDriver _driver;
    private readonly DockerfileDocument _document;
    private readonly AnalysisConfiguration _configuration;
    private readonly AnalysisCache? _cache;
    private readonly CancellationToken _cancellationToken;
    private readonly List<Diagnostic> _reported = [];
    private readonly HashSet<DiagnosticAnalyzer> _failed = [];
    private readonly List<AnalyzerRegistration> _active;
    private readonly Dictionary<SyntaxKind, List<(AnalyzerRegistration, Action<SyntaxNodeAnalysisContext>)>> _nodeActionsByKind = [];
    private readonly List<AnalyzerRegistration> _shellCommandRegistrations;
    private readonly List<AnalyzerRegistration> _stageRegistrations;

    public DriverRun(AnalyzerDriver driver, DockerfileDocument document, AnalysisConfiguration configuration, AnalysisCache? cache, CancellationToken cancellationToken)
    {
        _driver = driver;
        _document = document;
        _configuration = configuration;
        _cache = cache;
        _cancellationToken = cancellationToken;
        // Analyzers whose every rule is off are not run at all.
        _active = driver.Registrations.Where(r => r.InitializationFailure is not null || r.Supported.Any(configuration.IsEnabled)).ToList();
        _shellCommandRegistrations = _active.Where(r => r.ShellCommandActions.Count > 0).ToList();
        _stageRegistrations = _active.Where(r => r.StageActions.Count > 0).ToList();
        foreach (var registration in _active)
        {
            foreach (var (kinds, action) in registration.NodeActions)
            {
                foreach (var kind in kinds)
                {
                    if (!_nodeActionsByKind.TryGetValue(kind, out var list)) _nodeActionsByKind[kind] = list = [];
                    list.Add((registration, action));
                }
            }
        }
    }

    public AnalysisResult Execute()
    {
        _cancellationToken.ThrowIfCancellationRequested();
        foreach (var syntaxDiagnostic in _document.SyntaxTree.GetDiagnostics())
        {
            var descriptor = SyntaxDiagnosticDescriptors.Get(syntaxDiagnostic.Id, syntaxDiagnostic.Severity);
            _reported.Add(Diagnostic.Create(descriptor, syntaxDiagnostic.Span, syntaxDiagnostic.Message));
        }

        foreach (var registration in _active.Where(r => r.InitializationFailure is not null))
        {
            ReportFailure(registration.Analyzer, registration.InitializationFailure!, new TextSpan(0, 0));
        }

        RunDocumentNodeActions();
        RunStages();
        RunSemanticModelActions();
        var result = Finish();
        PublishCache();
        return result;
    }

    /// <summary>Node actions for what lies outside every stage: the root, the parser directives and the instructions before the first FROM.</summary>
    private void RunDocumentNodeActions()
    {
        if (_nodeActionsByKind.Count == 0) return;
        var root = _document.SyntaxTree.Root;
        InvokeNodeActions(root, _reported);
        foreach (var directive in root.Directives) WalkNodeActions(directive, _reported);
        foreach (var instruction in _document.GetSemanticModel(_cancellationToken).GlobalInstructions) WalkNodeActions(instruction, _reported);
    }

    /// <summary>Calls the node actions registered for <paramref name="root"/>'s subtree, in document order.</summary>
    private void WalkNodeActions(SyntaxNode root, List<Diagnostic> sink)
    {
        // An explicit stack instead of nested iterators: the walk costs one step per node, in document order.
        var stack = new Stack<SyntaxNode>();
        stack.Push(root);
        var children = new List<SyntaxNode>();
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            InvokeNodeActions(node, sink);
            children.Clear();
            children.AddRange(node.ChildNodes());
            for (var i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }
    }

    private void InvokeNodeActions(SyntaxNode node, List<Diagnostic> sink)
    {
        if (!_nodeActionsByKind.TryGetValue(node.Kind, out var actions)) return;
        foreach (var (registration, action) in actions)
        {
            Invoke(registration, node.Span, sink, report => action(new SyntaxNodeAnalysisContext(node, _document, _configuration, report, _cancellationToken)));
        }
    }

    /// <summary>Everything stage-scoped for one stage: node actions over its instructions, shell-command actions over its RUNs, stage actions.</summary>
    private void AnalyzeStage(BuildStage stage, List<Diagnostic> sink)
    {
        foreach (var instruction in stage.Instructions) WalkNodeActions(instruction, sink);

        if (_shellCommandRegistrations.Count > 0)
        {
            foreach (var script in _document.GetSemanticModel(_cancellationToken).GetRunScripts(stage, _cancellationToken))
            {
                foreach (var command in script.Commands)
                {
                    foreach (var registration in _shellCommandRegistrations)
                    {
                        foreach (var action in registration.ShellCommandActions)
                        {
                            Invoke(registration, command.Span, sink, report => action(new ShellCommandAnalysisContext(command, _document, _configuration, report, _cancellationToken)));
                        }
                    }
                }
            }
        }

        foreach (var registration in _stageRegistrations)
        {
            foreach (var action in registration.StageActions)
            {
                Invoke(registration, stage.From.Span, sink, report => action(new StageAnalysisContext(stage, _document, _configuration, report, _cancellationToken)));
            }
        }
    }

    private void RunSemanticModelActions()
    {
        foreach (var registration in _active)
        {
            foreach (var action in registration.SemanticModelActions)
            {
                Invoke(registration, new TextSpan(0, 0), _reported, report => action(new SemanticModelAnalysisContext(_document, _configuration, report, _cancellationToken)));
            }
        }
    }

    /// <summary>Runs one callback in isolation: its diagnostics are kept only if it completes.</summary>
    private void Invoke(AnalyzerRegistration registration, TextSpan location, List<Diagnostic> sink, Action<Action<Diagnostic>> callback)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (_failed.Contains(registration.Analyzer)) return;
        var local = new List<Diagnostic>();
        try
        {
            callback(diagnostic =>
            {
                ArgumentNullException.ThrowIfNull(diagnostic);
                local.Add(diagnostic);
            });
        }
        catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            ReportFailure(registration.Analyzer, exception, location);
            return;
        }
        foreach (var diagnostic in local)
        {
            sink.Add(registration.Supported.Contains(diagnostic.Descriptor)
                ? diagnostic
                : Diagnostic.Create(InternalDiagnosticDescriptors.UnsupportedDiagnostic, diagnostic.Span, registration.Analyzer.ToString(), diagnostic.Id));
        }
    }

    private void ReportFailure(DiagnosticAnalyzer analyzer, Exception exception, TextSpan location)
    {
        _failed.Add(analyzer);
        _reported.Add(Diagnostic.Create(InternalDiagnosticDescriptors.AnalyzerFailure, location, analyzer.ToString(), exception.GetType().Name, exception.Message));
    }

    /// <summary>Applies severities, drops disabled and suppressed diagnostics and duplicates, sorts by position.</summary>
    private AnalysisResult Finish()
    {
        var suppressions = _configuration.InlineSuppressionsEnabled ? SuppressionMap.Create(_document.SyntaxTree, _cancellationToken) : null;
        var visible = new List<Diagnostic>();
        var suppressed = new List<Diagnostic>();
        var length = _document.Text.Length;
        foreach (var diagnostic in _reported.Distinct())
        {
            if (_configuration.GetSeverity(diagnostic.Descriptor) is not { } severity) continue;
            var clamped = Clamp(diagnostic.Span, length);
            var effective = diagnostic.WithSeverity(severity).WithSpan(clamped);
            if (suppressions is not null && suppressions.IsSuppressed(effective)) suppressed.Add(effective);
            else visible.Add(effective);
        }
        return new AnalysisResult(Sort(visible), Sort(suppressed));
    }

    private static TextSpan Clamp(TextSpan span, int length)
    {
        var start = Math.Min(span.Start, length);
        return TextSpan.FromBounds(start, Math.Clamp(span.End, start, length));
    }

    private static ImmutableArray<Diagnostic> Sort(List<Diagnostic> diagnostics) =>
        diagnostics.OrderBy(d => d.Span.Start).ThenBy(d => d.Span.End).ThenBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.Message, StringComparer.Ordinal).ToImmutableArray();
}
