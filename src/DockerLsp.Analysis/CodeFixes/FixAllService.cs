using System.Collections.Immutable;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.CodeFixes;

/// <summary>
/// Fix-all in one document: for one rule (optionally one equivalence key), for every fixable rule at once (<c>source.fixAll</c>),
/// and to a fixed point (<see cref="FixDocumentAsync"/>, used by <c>dockerlsp fix</c>: analyse, fix, reparse, repeat while
/// fixes apply). Edits of different rules are merged with conflict detection; conflicting fixes wait for the next pass.
/// </summary>
public sealed class FixAllService
{
    public FixAllService(CodeFixService codeFixService)
    {
        CodeFixService = codeFixService;
    }

    public CodeFixService CodeFixService { get; }

    /// <summary>Fixes every diagnostic of <paramref name="diagnosticId"/> among <paramref name="diagnostics"/> (computed on <paramref name="document"/>).</summary>
    public Task<FixAllResult> FixAllAsync(DockerfileDocument document, IEnumerable<Diagnostic> diagnostics, string diagnosticId, string? equivalenceKey = null, CancellationToken cancellationToken = default)
    {
        var provider = CodeFixService.GetFixAllProvider(diagnosticId);
        if (provider is null) return Task.FromResult(FixAllResult.Empty);
        var matching = diagnostics.Where(d => d.Id == diagnosticId).ToImmutableArray();
        return provider.FixAllAsync(CodeFixService, document, matching, equivalenceKey, cancellationToken);
    }

    /// <summary>Fixes every fixable diagnostic in <paramref name="diagnostics"/>, rule by rule in ID order, merging all edits.</summary>
    public async Task<FixAllResult> FixAllInDocumentAsync(DockerfileDocument document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken = default)
    {
        var all = diagnostics.ToImmutableArray();
        var perRule = new List<FixAllResult>();
        foreach (var id in all.Select(d => d.Id).Distinct().Where(CodeFixService.HasProvider).Order(StringComparer.Ordinal))
        {
            perRule.Add(await FixAllAsync(document, all, id, null, cancellationToken).ConfigureAwait(false));
        }
        var merged = TextChangeMerger.Merge(perRule.Select(r => r.Changes.TextChanges).ToArray());
        var rejected = merged.RejectedSets.ToHashSet();
        return new FixAllResult(
            new DocumentChanges(merged.Changes, perRule.Where((_, i) => !rejected.Contains(i)).SelectMany(r => r.Changes.FileEdits).Distinct().ToImmutableArray()),
            perRule.Where((_, i) => !rejected.Contains(i)).SelectMany(r => r.FixedDiagnostics).ToImmutableArray(),
            perRule.SelectMany((r, i) => rejected.Contains(i) ? r.FixedDiagnostics.AddRange(r.ConflictingDiagnostics) : r.ConflictingDiagnostics).ToImmutableArray());
    }

    /// <summary>
    /// Applies fixes until none applies or <paramref name="maxPasses"/> is reached: each pass analyses the current text with
    /// <paramref name="driver"/>, keeps the diagnostics accepted by <paramref name="filter"/> (all when null), fixes them all and
    /// reparses. Returns the final document and every text and file edit made (file edits deduplicated).
    /// </summary>
    public async Task<FixDocumentResult> FixDocumentAsync(
        DockerfileDocument document,
        AnalyzerDriver driver,
        AnalysisConfiguration configuration,
        Func<Diagnostic, bool>? filter = null,
        int maxPasses = 10,
        CancellationToken cancellationToken = default)
    {
        var current = document;
        var fixedCount = 0;
        var fileEdits = ImmutableArray.CreateBuilder<FileEdit>();
        for (var pass = 0; pass < maxPasses; pass++)
        {
            var diagnostics = driver.Analyze(current, configuration, cancellationToken).Where(d => filter?.Invoke(d) ?? true).ToImmutableArray();
            var result = await FixAllInDocumentAsync(current, diagnostics, cancellationToken).ConfigureAwait(false);
            if (result.Changes.TextChanges.IsDefaultOrEmpty && result.Changes.FileEdits.All(fileEdits.Contains)) break;
            fixedCount += result.FixedDiagnostics.Length;
            foreach (var edit in result.Changes.FileEdits.Where(e => !fileEdits.Contains(e))) fileEdits.Add(edit);
            if (result.Changes.TextChanges.IsDefaultOrEmpty) break;
            var newText = result.Changes.ApplyTo(current.Text);
            if (newText.ToString() == current.Text.ToString()) break;
            current = current.WithText(newText, cancellationToken);
        }
        return new FixDocumentResult(document, current, fixedCount, fileEdits.ToImmutable());
    }
}

/// <summary>The outcome of <see cref="FixAllService.FixDocumentAsync"/>: the original and final documents, how many diagnostics were fixed, other-file edits.</summary>
public sealed record FixDocumentResult(DockerfileDocument Original, DockerfileDocument Fixed, int FixedCount, ImmutableArray<FileEdit> FileEdits)
{
    public bool HasChanges => !ReferenceEquals(Original, Fixed) || !FileEdits.IsEmpty;
    public SourceText NewText => Fixed.Text;
}
