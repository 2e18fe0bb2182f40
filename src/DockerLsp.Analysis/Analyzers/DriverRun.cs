using System.Collections.Immutable;
using DockerLsp.Analysis.Suppression;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.Analyzers;

/// <summary>One execution of the driver over one document: per-run state (failed analyzers, collected diagnostics).</summary>
internal sealed class DriverRun
{
    private readonly AnalyzerDriver _driver;
    private readonly DockerfileDocument _document;
    private readonly AnalysisConfiguration _configuration;
    private readonly CancellationToken _cancellationToken;
    private readonly List<Diagnostic> _reported = [];
    private readonly HashSet<DiagnosticAnalyzer> _failed = [];
    private readonly List<AnalyzerRegistration> _active;

    public DriverRun(AnalyzerDriver driver, DockerfileDocument document, AnalysisConfiguration configuration, CancellationToken cancellationToken)
    {
        _driver = driver;
        _document = document;
        _configuration = configuration;
        _cancellationToken = cancellationToken;
        // Analyzers whose every rule is off are not run at all.
        _active = driver.Registrations.Where(r => r.InitializationFailure is not null || r.Supported.Any(configuration.IsEnabled)).ToList();
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

        RunNodeActions();
        RunShellCommandActions();
        RunSemanticModelActions();
        return Finish();
    }

    private void RunNodeActions()
    {
        var byKind = new Dictionary<SyntaxKind, List<(AnalyzerRegistration, Action<SyntaxNodeAnalysisContext>)>>();
        foreach (var registration in _active)
        {
            foreach (var (kinds, action) in registration.NodeActions)
            {
                foreach (var kind in kinds)
                {
                    if (!byKind.TryGetValue(kind, out var list)) byKind[kind] = list = [];
                    list.Add((registration, action));
                }
            }
        }
        if (byKind.Count == 0) return;

        // An explicit stack instead of nested iterators: the walk costs one step per node, in document order.
        var stack = new Stack<SyntaxNode>();
        stack.Push(_document.SyntaxTree.Root);
        var children = new List<SyntaxNode>();
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (byKind.TryGetValue(node.Kind, out var actions))
            {
                foreach (var (registration, action) in actions)
                {
                    Invoke(registration, node.Span, report => action(new SyntaxNodeAnalysisContext(node, _document, _configuration, report, _cancellationToken)));
                }
            }
            children.Clear();
            children.AddRange(node.ChildNodes());
            for (var i = children.Count - 1; i >= 0; i--) stack.Push(children[i]);
        }
    }

    private void RunShellCommandActions()
    {
        var registrations = _active.Where(r => r.ShellCommandActions.Count > 0).ToList();
        if (registrations.Count == 0) return;
        var model = _document.GetSemanticModel(_cancellationToken);
        foreach (var script in model.GetRunScripts(_cancellationToken))
        {
            foreach (var command in script.Commands)
            {
                foreach (var registration in registrations)
                {
                    foreach (var action in registration.ShellCommandActions)
                    {
                        Invoke(registration, command.Span, report => action(new ShellCommandAnalysisContext(command, _document, _configuration, report, _cancellationToken)));
                    }
                }
            }
        }
    }

    private void RunSemanticModelActions()
    {
        foreach (var registration in _active)
        {
            foreach (var action in registration.SemanticModelActions)
            {
                Invoke(registration, new TextSpan(0, 0), report => action(new SemanticModelAnalysisContext(_document, _configuration, report, _cancellationToken)));
            }
        }
    }

    /// <summary>Runs one callback in isolation: its diagnostics are kept only if it completes.</summary>
    private void Invoke(AnalyzerRegistration registration, TextSpan location, Action<Action<Diagnostic>> callback)
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
            if (registration.Supported.Contains(diagnostic.Descriptor))
            {
                _reported.Add(diagnostic);
            }
            else
            {
                _reported.Add(Diagnostic.Create(InternalDiagnosticDescriptors.UnsupportedDiagnostic, diagnostic.Span, registration.Analyzer.ToString(), diagnostic.Id));
            }
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
