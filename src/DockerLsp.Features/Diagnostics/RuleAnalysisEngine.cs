using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Analysis.Suppression;
using DockerLsp.Features.Settings;
using DockerLsp.Features.Workspace;
using DockerLsp.Rules;
using DockerLsp.Syntax.Text;
using EngineDiagnostic = DockerLsp.Analysis.Diagnostic;
using EngineSeverity = DockerLsp.Analysis.RuleSeverity;

namespace DockerLsp.Features.Diagnostics;

/// <summary>
/// The <see cref="IAnalysisEngine"/> backed by the analysis engine and the rule catalogue: the analyzer driver (which
/// also reports the syntax diagnostics), the code-fix and fix-all services and the suppression service. Settings map to
/// an <see cref="AnalysisConfiguration"/> layered as the engine defines it: <c>.hadolint.yaml</c>, <c>.editorconfig</c>,
/// then the editor's explicit rule and category severities. <c>file:</c> documents get the build context the host's
/// <see cref="IBuildContextProvider"/> supplies (untitled ones none); an analysis whose context the host has since replaced is
/// <see cref="DocumentAnalysis.IsOutdated"/>. Edits to other files (<see cref="FileEdit"/>, e.g. creating <c>.dockerignore</c>) are
/// carried as <see cref="FixAction.ComputeFileChanges"/>. For syntax diagnostics the catalogue has no fix
/// for, the mechanical fixes of <see cref="SyntaxAnalysisEngine"/> are offered instead. The only per-document state is the
/// driver's <see cref="AnalysisCache"/> of each document's lineage (findings of unchanged stages), held weakly.
/// </summary>
public sealed class RuleAnalysisEngine(IBuildContextProvider? buildContexts = null) : IAnalysisEngine
{
    private readonly SyntaxAnalysisEngine _syntaxFixes = new();
    private readonly ConditionalWeakTable<LanguageServerSettings, ConcurrentDictionary<string, AnalysisConfiguration>> _configurations = [];

    /// <summary>One analysis cache per document lineage: a new version re-analyses only the stages its edit touched.</summary>
    private readonly ConditionalWeakTable<DocumentLineage, AnalysisCache> _caches = [];

    /// <summary>An analysis that keeps the engine's diagnostics beside the editor ones (same order), for fixes.</summary>
    private sealed class RuleDocumentAnalysis(Document document, LanguageServerSettings settings, IReadOnlyList<DocumentDiagnostic> diagnostics,
        ImmutableArray<EngineDiagnostic> engineDiagnostics, DockerfileDocument engineDocument, Func<IBuildContext?>? currentBuildContext)
        : DocumentAnalysis(document, settings, diagnostics)
    {
        /// <summary>The engine document analysed (with its build context): fixes are computed on it, so they see the same context.</summary>
        public DockerfileDocument EngineDocument { get; } = engineDocument;

        /// <summary>Outdated once the host hands out another build context for the document's directory (its files changed).</summary>
        public override bool IsOutdated => currentBuildContext is not null && !ReferenceEquals(currentBuildContext(), EngineDocument.BuildContext);

        /// <summary>
        /// Built on the first <see cref="Find"/> (a code action), not per analysis: hashing every finding by value (message,
        /// help link) on every keystroke was a measurable part of the analysis of a large document.
        /// </summary>
        private Dictionary<DocumentDiagnostic, EngineDiagnostic>? _byDiagnostic;

        public ImmutableArray<EngineDiagnostic> EngineDiagnostics { get; } = engineDiagnostics;

        /// <summary>
        /// The fixes computed so far, per engine diagnostic (by reference). Editors ask for code actions on every cursor move
        /// over the same version, and many fixes compute their edits to know whether they can be offered at all (DF308 re-reads
        /// its stage): each is computed once per version. The actions are immutable and memoise their own changes.
        /// </summary>
        public ConcurrentDictionary<EngineDiagnostic, FixAction[]> Fixes { get; } = new(ReferenceEqualityComparer.Instance);

        /// <summary>The engine diagnostic behind an editor one (records compare by value, so an equal copy finds it too).</summary>
        public EngineDiagnostic? Find(DocumentDiagnostic diagnostic) =>
            LazyInitializer.EnsureInitialized(ref _byDiagnostic, () => Diagnostics
                .Select((d, i) => (d, i)).DistinctBy(p => p.d).ToDictionary(p => p.d, p => EngineDiagnostics[p.i]))
                .GetValueOrDefault(diagnostic);
    }

    public DocumentAnalysis Analyze(Document document, LanguageServerSettings settings, CancellationToken cancellationToken)
    {
        var localPath = buildContexts is null ? null : EngineDocuments.LocalPathOf(document.Uri);
        Func<IBuildContext?>? currentBuildContext = localPath is null ? null : () => buildContexts!.GetBuildContext(localPath);
        var engineDocument = EngineDocuments.For(document, currentBuildContext?.Invoke());
        var configuration = ConfigurationFor(settings, engineDocument.Path ?? document.Uri);
        var cache = CacheFor(document);
        var found = RuleCatalog.Driver.AnalyzeWithDetails(engineDocument, configuration, cache, cancellationToken).Diagnostics;
        var mapped = found.Select(ToDocumentDiagnostic).ToArray();
        return new RuleDocumentAnalysis(document, settings, mapped, found, engineDocument, currentBuildContext);
    }

    /// <summary>The analysis cache shared by the versions of <paramref name="document"/> (tests read its statistics).</summary>
    internal AnalysisCache CacheFor(Document document) => _caches.GetValue(document.Lineage, static _ => new AnalysisCache());

    public bool IsFixable(string diagnosticId) => RuleCatalog.IsFixable(diagnosticId) || _syntaxFixes.IsFixable(diagnosticId);

    public IReadOnlyList<FixAction> GetFixes(DocumentAnalysis analysis, DocumentDiagnostic diagnostic, CancellationToken cancellationToken)
    {
        if (analysis is not RuleDocumentAnalysis rules || rules.Find(diagnostic) is not { } engineDiagnostic) return [];
        if (!RuleCatalog.IsFixable(diagnostic.Id)) return _syntaxFixes.GetFixes(analysis, diagnostic, cancellationToken);
        if (rules.Fixes.TryGetValue(engineDiagnostic, out var known)) return known;
        // A cancelled computation throws before anything is stored; two concurrent requests may both compute, and either answer stands.
        return rules.Fixes.GetOrAdd(engineDiagnostic, ComputeFixes(rules, engineDiagnostic, cancellationToken));
    }

    private static FixAction[] ComputeFixes(RuleDocumentAnalysis rules, EngineDiagnostic engineDiagnostic, CancellationToken cancellationToken)
    {
        return RuleCatalog.CodeFixService.GetFixes(rules.EngineDocument, engineDiagnostic, cancellationToken)
            .Select(action => new FixAction(action.Title, action.EquivalenceKey, action.IsPreferred, ct => TextChangesOf(Completed(action.GetChangesAsync(ct))))
            {
                // The engine's action memoises its changes: both halves come from one computation. Only actions that may edit
                // other files get this half, since hosts compute it before offering the action (every fix of a whole-file
                // request would otherwise be computed up front).
                ComputeFileChanges = action.EditsOtherFiles ? ct => FileChangesOf(Completed(action.GetChangesAsync(ct))) : null,
            })
            .ToArray();
    }

    public FixAction? GetFixAll(DocumentAnalysis analysis, string? diagnosticId, CancellationToken cancellationToken)
    {
        if (analysis is not RuleDocumentAnalysis rules) return null;
        if (diagnosticId is not null && !RuleCatalog.IsFixable(diagnosticId)) return _syntaxFixes.GetFixAll(analysis, diagnosticId, cancellationToken);
        var candidates = rules.EngineDiagnostics.Where(d => diagnosticId is null ? RuleCatalog.IsFixable(d.Id) : d.Id == diagnosticId).ToImmutableArray();
        if (candidates.IsEmpty || (diagnosticId is not null && !RuleCatalog.IsFixable(diagnosticId))) return null;
        var engineDocument = rules.EngineDocument;
        var title = diagnosticId is null ? "Fix all auto-fixable problems" : $"Fix all {diagnosticId} in this file";
        // One fix-all computation feeds both the text and the file changes.
        DocumentChanges? computed = null;
        DocumentChanges Compute(CancellationToken ct) => computed ??= (diagnosticId is null
            ? RuleCatalog.FixAllService.FixAllInDocumentAsync(engineDocument, candidates, ct)
            : RuleCatalog.FixAllService.FixAllAsync(engineDocument, candidates, diagnosticId, null, ct)).GetAwaiter().GetResult().Changes;
        return new FixAction(title, "fixAll:" + (diagnosticId ?? "*"), false, ct => TextChangesOf(Compute(ct)))
        {
            ComputeFileChanges = ct => FileChangesOf(Compute(ct)),
        };
    }

    public FixAction? GetSuppression(DocumentAnalysis analysis, DocumentDiagnostic diagnostic, SuppressionTarget target, CancellationToken cancellationToken)
    {
        if (analysis is not RuleDocumentAnalysis rules || rules.Find(diagnostic) is not { } engineDiagnostic || !engineDiagnostic.Descriptor.IsConfigurable) return null;
        var scope = target == SuppressionTarget.File ? SuppressionScope.File : SuppressionScope.Instruction;
        var title = target == SuppressionTarget.File ? $"Ignore {diagnostic.Id} for this file" : $"Ignore {diagnostic.Id} for this instruction";
        var engineDocument = rules.EngineDocument;
        return new FixAction(title, "suppress:" + target, false, _ => SuppressionService.GetSuppressionEdits(engineDocument, engineDiagnostic, scope).TextChanges);
    }

    /// <summary>The engine's fix tasks complete synchronously (their edits are computed by delegates); waiting is therefore not blocking in practice.</summary>
    private static DocumentChanges Completed(Task<DocumentChanges> changes) => changes.GetAwaiter().GetResult();

    private static IReadOnlyList<TextChange> TextChangesOf(DocumentChanges changes) =>
        changes.TextChanges is { IsDefault: false } textChanges ? textChanges : [];

    private static IReadOnlyList<FileChange> FileChangesOf(DocumentChanges changes) =>
        changes.FileEdits is { IsDefaultOrEmpty: false } fileEdits
            ? fileEdits.Select(e => new FileChange(e.RelativePath, e.Kind == FileEditKind.Append ? FileChangeKind.Append : FileChangeKind.Create, e.Text)).ToArray()
            : [];

    private static DocumentDiagnostic ToDocumentDiagnostic(EngineDiagnostic diagnostic) => new(
        diagnostic.Id,
        diagnostic.Severity switch
        {
            DiagnosticSeverity.Error => DiagnosticLevel.Error,
            DiagnosticSeverity.Warning => DiagnosticLevel.Warning,
            DiagnosticSeverity.Info => DiagnosticLevel.Info,
            _ => DiagnosticLevel.Hint,
        },
        diagnostic.Message,
        diagnostic.Span,
        diagnostic.Descriptor.HelpLink,
        (diagnostic.Tags.HasFlag(Analysis.DiagnosticTags.Unnecessary) ? DiagnosticTags.Unnecessary : DiagnosticTags.None) |
        (diagnostic.Tags.HasFlag(Analysis.DiagnosticTags.Deprecated) ? DiagnosticTags.Deprecated : DiagnosticTags.None),
        diagnostic.AdditionalLocations.IsDefaultOrEmpty ? null : diagnostic.AdditionalLocations.Select(l => new RelatedLocation(l.Span, l.Message)).ToArray(),
        RuleCatalog.IsFixable(diagnostic.Id) || SyntaxAnalysisEngine.HasMechanicalFix(diagnostic.Id));

    private AnalysisConfiguration ConfigurationFor(LanguageServerSettings settings, string dockerfilePath) =>
        _configurations.GetValue(settings, static _ => new ConcurrentDictionary<string, AnalysisConfiguration>(StringComparer.Ordinal))
            .GetOrAdd(dockerfilePath, path => BuildConfiguration(settings, path));

    internal static AnalysisConfiguration BuildConfiguration(LanguageServerSettings settings, string dockerfilePath)
    {
        var layers = new List<AnalysisConfiguration>();
        foreach (var file in settings.ConfigurationFiles.Where(f => f.Kind == ConfigurationFileKind.Hadolint)) layers.Add(AnalysisConfiguration.FromHadolintYaml(file.Text, file.Path));
        // Outer .editorconfig files first, so inner ones win.
        foreach (var file in settings.ConfigurationFiles.Where(f => f.Kind == ConfigurationFileKind.EditorConfig).OrderBy(f => f.Path.Length))
        {
            layers.Add(AnalysisConfiguration.FromEditorConfig(file.Text, file.Path, dockerfilePath));
        }
        var explicitSettings = AnalysisConfiguration.Default;
        foreach (var (code, severity) in settings.RuleSeverities)
        {
            if (ToEngine(severity) is { } engineSeverity) explicitSettings = explicitSettings.WithRuleSeverity(code, engineSeverity, "editor settings");
        }
        foreach (var (name, severity) in settings.CategorySeverities)
        {
            if (Enum.TryParse<DiagnosticCategory>(name, ignoreCase: true, out var category) && ToEngine(severity) is { } engineSeverity)
            {
                explicitSettings = explicitSettings.WithCategorySeverity(category, engineSeverity);
            }
        }
        if (!settings.TrustedRegistries.IsDefaultOrEmpty) explicitSettings = explicitSettings.WithTrustedRegistries(settings.TrustedRegistries);
        layers.Add(explicitSettings);
        return AnalysisConfiguration.Combine(layers);
    }

    private static EngineSeverity? ToEngine(ConfiguredSeverity severity) => severity switch
    {
        ConfiguredSeverity.Off => EngineSeverity.Off,
        ConfiguredSeverity.Hint => EngineSeverity.Hint,
        ConfiguredSeverity.Info => EngineSeverity.Info,
        ConfiguredSeverity.Warning => EngineSeverity.Warning,
        ConfiguredSeverity.Error => EngineSeverity.Error,
        _ => null,
    };
}
