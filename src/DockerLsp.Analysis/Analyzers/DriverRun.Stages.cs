using System.Collections.Immutable;
using DockerLsp.Analysis.Semantics;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.Analyzers;

internal sealed partial class DriverRun
{
    private bool HasStageScopedWork => _nodeActionsByKind.Count > 0 || _shellCommandRegistrations.Count > 0 || _stageRegistrations.Count > 0;

    /// <summary>
    /// Runs the stage-scoped callbacks of every stage, or reuses the previous analysis's findings for a stage whose key (its
    /// instructions' and base stages' incremental identities) is unchanged, shifting their spans to the stage's new position.
    /// </summary>
    private void RunStages()
    {
        if (!HasStageScopedWork) return;
        var model = _document.GetSemanticModel(_cancellationToken);
        var documentKey = CreateDocumentKey(model);
        var previous = _cache?.Current is { } generation && generation.Document.Equals(documentKey) ? generation.Stages : null;
        var next = _cache is null ? null : new Dictionary<AnalysisCache.StageKey, AnalysisCache.StageResult>();
        var keys = new AnalysisCache.StageKey[model.Stages.Length];
        var lines = _document.Text.Lines;
        int reused = 0, analyzed = 0;
        foreach (var stage in model.Stages)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var key = keys[stage.Index] = AnalysisCache.StageKey.Create(stage, stage.BaseStage is { } parent ? keys[parent.Index] : null);
            var start = stage.From.FullSpan.Start;
            var startLine = lines.GetLineFromOffset(start);
            if (previous is not null && previous.TryGetValue(key, out var known) && (!known.CitesLines || known.StartLine == startLine))
            {
                foreach (var relative in known.RelativeDiagnostics) _reported.Add(Shift(relative, start));
                next?.TryAdd(key, known);
                reused++;
                continue;
            }

            var found = new List<Diagnostic>();
            AnalyzeStage(stage, found);
            _reported.AddRange(found);
            analyzed++;
            if (next is not null && _failed.Count == 0 && IsInside(found, stage))
            {
                next.TryAdd(key, new AnalysisCache.StageResult(found.Select(d => Shift(d, -start)).ToImmutableArray(),
                    found.Any(d => d.Descriptor.MessageCitesLines), startLine));
            }
        }
        if (_cache is not null && next is not null) _pending = (new AnalysisCache.Generation(documentKey, next), reused, analyzed);
    }

    /// <summary>The stage results to publish once the whole analysis completed (a cancelled run publishes nothing).</summary>
    private (AnalysisCache.Generation Generation, int Reused, int Analyzed)? _pending;

    private void PublishCache()
    {
        if (_cache is not null && _pending is { } pending) _cache.Publish(pending.Generation, pending.Reused, pending.Analyzed);
    }

    private AnalysisCache.DocumentKey CreateDocumentKey(SemanticModel model)
    {
        var parts = new List<object?> { _driver, _configuration, _document.BuildContext };
        foreach (var directive in _document.SyntaxTree.Root.Directives) parts.Add(directive.IncrementalIdentity);
        foreach (var instruction in model.GlobalInstructions) parts.Add(instruction.IncrementalIdentity);
        // A marker between the two lists, so that moving an instruction across the first FROM changes the key.
        parts.Add(s_fromMarker);
        foreach (var stage in model.Stages) parts.Add(stage.From.IncrementalIdentity);
        // The path is compared by value: hosts derive it anew for every version.
        var values = new List<object?> { _document.Path };
        foreach (var registration in _active)
        {
            foreach (var input in registration.DocumentInputs) values.Add(ComputeInput(registration, input));
        }
        return new AnalysisCache.DocumentKey([.. parts], [.. values]);
    }

    /// <summary>A declared document input; one that throws fails its analyzer (DF001) and keys as a fresh object, so nothing is reused.</summary>
    private object? ComputeInput(AnalyzerRegistration registration, Func<DockerfileDocument, object?> input)
    {
        try
        {
            return input(_document);
        }
        catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            ReportFailure(registration.Analyzer, exception, new TextSpan(0, 0));
            return new object();
        }
    }

    private static readonly object s_fromMarker = new();

    /// <summary>True when every finding (and every related location) lies within the stage's full span, so it can move with the stage.</summary>
    private static bool IsInside(List<Diagnostic> diagnostics, BuildStage stage)
    {
        var span = TextSpan.FromBounds(stage.From.FullSpan.Start, stage.Instructions[^1].FullSpan.End);
        foreach (var diagnostic in diagnostics)
        {
            if (!span.Contains(diagnostic.Span)) return false;
            foreach (var location in diagnostic.AdditionalLocations)
            {
                if (!span.Contains(location.Span)) return false;
            }
        }
        return true;
    }

    private static Diagnostic Shift(Diagnostic diagnostic, int delta) => delta == 0 ? diagnostic : diagnostic.Shifted(delta);
}
