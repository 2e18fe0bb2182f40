using DockerLsp.Features.Diagnostics;
using DockerLsp.Features.Settings;
using DockerLsp.Features.Workspace;
using DockerLsp.Rules.Rules.DF506_StaleDigest;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.Images;

/// <summary>
/// Adds DF506 (pinned digest no longer matches its tag) to another engine's findings when
/// <see cref="ImageRegistrySettings.CheckDigests"/> is on. Why a decorator: the check needs registry answers, which rules
/// cannot fetch; here they come from <see cref="ImageInfoCache"/> without waiting (a lookup not answered yet reports nothing
/// and is started in the background). When a lookup an analysis had to skip answers, the analysis becomes
/// <see cref="DocumentAnalysis.IsOutdated"/> and <see cref="LookupAnswered"/> is raised once per document and lookup, so the
/// host can publish again (push) or ask the client to pull again; the next analysis then has the answer and starts nothing,
/// so there is no republish loop. Everything else is delegated unchanged.
/// </summary>
public sealed class StaleDigestAnalysisEngine : IAnalysisEngine
{
    private const string Id = "DF506";
    private readonly IAnalysisEngine _inner;
    private readonly ImageRegistryHost _images;

    /// <summary>(document URI, lookup) pairs someone already waits for: a lookup notifies each document at most once.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string Uri, Task Lookup), byte> _waiting = new();

    public StaleDigestAnalysisEngine(IAnalysisEngine inner, ImageRegistryHost images)
    {
        _inner = inner ?? throw new ArgumentNullException(nameof(inner));
        _images = images ?? throw new ArgumentNullException(nameof(images));
    }

    /// <summary>
    /// Raised (on a thread-pool thread) with the analysed document when a registry lookup that one of its analyses started,
    /// or found running, has answered: the document's DF506 findings may have changed. At most once per document and lookup.
    /// </summary>
    public event Action<Document>? LookupAnswered;

    public DocumentAnalysis Analyze(Document document, LanguageServerSettings settings, CancellationToken cancellationToken)
    {
        var analysis = _inner.Analyze(document, settings, cancellationToken);
        if (!settings.Registry.CheckDigests || settings.Registry.Offline) return analysis;
        var level = settings.Resolve(Id, StaleDigestAnalyzer.Descriptor.Category.ToString(), ConfiguredSeverity.Info) switch
        {
            ConfiguredSeverity.Off => (DiagnosticLevel?)null,
            ConfiguredSeverity.Hint => DiagnosticLevel.Hint,
            ConfiguredSeverity.Warning => DiagnosticLevel.Warning,
            ConfiguredSeverity.Error => DiagnosticLevel.Error,
            _ => DiagnosticLevel.Info,
        };
        if (level is null) return analysis;
        var cache = _images.GetCache(settings.Registry);
        var text = document.Text.ToString();
        var stale = new Dictionary<DocumentDiagnostic, TextChange>();
        var pending = new List<Task>();
        foreach (var image in ImagePinService.FindImageReferences(ImageReferenceLocator.ToEngineDocument(document), cancellationToken))
        {
            if (!image.IsPinned || image.Image!.Tag is null || image.LookupReference is not { } reference) continue;
            var lookup = cache.PeekInfo(reference);
            if (lookup.State == ImageLookupState.Resolving)
            {
                var answered = cache.InfoAnswered(reference);
                pending.Add(answered);
                NotifyWhenAnswered(document, answered);
                continue;
            }
            if (lookup is not { State: ImageLookupState.Available, Value.Digest: { } current }) continue;
            if (ImagePinService.ComputeChange(text, image, current) is not { } change) continue;
            var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, StaleDigestAnalyzer.Descriptor.MessageFormat, reference, image.Image.Digest, current);
            stale[new DocumentDiagnostic(Id, level.Value, message, image.Span, StaleDigestAnalyzer.Descriptor.HelpLink, IsFixable: true)] = change;
        }
        if (stale.Count == 0 && pending.Count == 0) return analysis;
        var all = stale.Count == 0 ? analysis.Diagnostics : analysis.Diagnostics.Concat(stale.Keys).OrderBy(d => d.Span.Start).ToList();
        return new StaleDigestAnalysis(analysis, all, stale, pending);
    }

    private void NotifyWhenAnswered(Document document, Task lookup)
    {
        var key = (document.Uri, lookup);
        if (!_waiting.TryAdd(key, 0)) return;
        lookup.ContinueWith(_ =>
        {
            _waiting.TryRemove(key, out byte _);
            LookupAnswered?.Invoke(document);
        }, CancellationToken.None, TaskContinuationOptions.RunContinuationsAsynchronously, TaskScheduler.Default);
    }

    public IReadOnlyList<FixAction> GetFixes(DocumentAnalysis analysis, DocumentDiagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (analysis is not StaleDigestAnalysis wrapped) return _inner.GetFixes(analysis, diagnostic, cancellationToken);
        return wrapped.Stale.TryGetValue(diagnostic, out var change)
            ? [new FixAction("Update digest", Id, true, _ => [change])]
            : _inner.GetFixes(wrapped.Inner, diagnostic, cancellationToken);
    }

    public FixAction? GetFixAll(DocumentAnalysis analysis, string? diagnosticId, CancellationToken cancellationToken)
    {
        if (analysis is not StaleDigestAnalysis wrapped) return _inner.GetFixAll(analysis, diagnosticId, cancellationToken);
        if (diagnosticId == Id) return wrapped.Stale.Count == 0 ? null : new FixAction("Update all digests", Id, false, _ => wrapped.Stale.Values.OrderBy(c => c.Span.Start).ToList());
        return _inner.GetFixAll(wrapped.Inner, diagnosticId, cancellationToken);
    }

    public FixAction? GetSuppression(DocumentAnalysis analysis, DocumentDiagnostic diagnostic, SuppressionTarget target, CancellationToken cancellationToken) =>
        _inner.GetSuppression(analysis is StaleDigestAnalysis wrapped ? wrapped.Inner : analysis, diagnostic, target, cancellationToken);

    public bool IsFixable(string diagnosticId) => diagnosticId == Id || _inner.IsFixable(diagnosticId);

    /// <summary>
    /// The inner engine's analysis plus the DF506 findings and their edits (the inner one is kept for its own fixes), and the
    /// lookups that had not answered yet: once one has, the analysis is outdated.
    /// </summary>
    private sealed class StaleDigestAnalysis(DocumentAnalysis inner, IReadOnlyList<DocumentDiagnostic> diagnostics, Dictionary<DocumentDiagnostic, TextChange> stale,
        IReadOnlyList<Task> pending)
        : DocumentAnalysis(inner.Document, inner.Settings, diagnostics)
    {
        public DocumentAnalysis Inner { get; } = inner;

        public IReadOnlyDictionary<DocumentDiagnostic, TextChange> Stale { get; } = stale;

        public override bool IsOutdated => Inner.IsOutdated || pending.Any(t => t.IsCompleted);
    }
}
