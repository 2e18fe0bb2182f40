using System.Runtime.CompilerServices;
using DockerLsp.Features.Settings;
using DockerLsp.Features.Workspace;

namespace DockerLsp.Features.Diagnostics;

/// <summary>
/// Computes and caches the analysis of document versions through an <see cref="IAnalysisEngine"/>. The cache is keyed on
/// the immutable <see cref="Document"/> object (weakly, so old versions are collected) and the settings, so push and pull
/// diagnostics, code actions and resolve all share one analysis per version (computed again only when it says
/// <see cref="DocumentAnalysis.IsOutdated"/>, e.g. after a registry answer it waited for arrived). Thread-safe: a race computes twice and keeps one.
/// </summary>
public sealed class DiagnosticService(IAnalysisEngine engine)
{
    private readonly ConditionalWeakTable<Document, DocumentAnalysis> _cache = [];

    public IAnalysisEngine Engine { get; } = engine;

    public DocumentAnalysis GetAnalysis(Document document, LanguageServerSettings settings, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(document, out var cached) && cached.Settings.Equals(settings) && !cached.IsOutdated) return cached;
        var analysis = Engine.Analyze(document, settings, cancellationToken);
        _cache.AddOrUpdate(document, analysis);
        return analysis;
    }

    /// <summary>
    /// An identifier of what the editor would display: equal result IDs mean identical diagnostics at identical line
    /// positions, so a pull request can answer "unchanged".
    /// </summary>
    public static string GetResultId(DocumentAnalysis analysis)
    {
        var hash = new HashCode();
        var lines = analysis.Document.Text.Lines;
        foreach (var diagnostic in analysis.Diagnostics)
        {
            hash.Add(diagnostic.Id, StringComparer.Ordinal);
            hash.Add(diagnostic.Severity);
            hash.Add(diagnostic.Message, StringComparer.Ordinal);
            hash.Add(lines.GetLinePosition(diagnostic.Span.Start));
            hash.Add(lines.GetLinePosition(diagnostic.Span.End));
        }
        return $"{analysis.Diagnostics.Count:x}-{hash.ToHashCode():x8}";
    }
}
