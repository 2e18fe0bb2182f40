using DockerLsp.Features.Settings;
using DockerLsp.Features.Workspace;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Diagnostics;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.Diagnostics;

/// <summary>
/// An <see cref="IAnalysisEngine"/> that reports the syntax layer's diagnostics (DF1xx) only, with fixes for the few whose
/// repair is mechanical (an empty continuation line, a misspelled keyword) and hadolint-style suppression comments. It is
/// the fallback when the rule engine is not wired in, and the reference behaviour for the seam's tests.
/// </summary>
public sealed class SyntaxAnalysisEngine : IAnalysisEngine
{
    /// <summary>Where rule pages are published (the same location the rule engine's descriptors use).</summary>
    public const string HelpBaseUri = "https://github.com/dockerlsp/dockerlsp/blob/main/docs/rules/";

    public DocumentAnalysis Analyze(Document document, LanguageServerSettings settings, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DocumentDiagnostic>();
        foreach (var diagnostic in document.Tree.GetDiagnostics())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var level = ToLevel(diagnostic.Severity);
            // Errors are what BuildKit rejects: configuration cannot hide them.
            if (diagnostic.Severity != DiagnosticSeverity.Error)
            {
                var configured = settings.Resolve(diagnostic.Id, "Syntax", ConfiguredSeverity.Default);
                if (configured == ConfiguredSeverity.Off) continue;
                if (configured != ConfiguredSeverity.Default) level = (DiagnosticLevel)(configured - ConfiguredSeverity.Hint);
            }
            diagnostics.Add(new DocumentDiagnostic(diagnostic.Id, level, diagnostic.Message, diagnostic.Span, HelpBaseUri + diagnostic.Id + ".md",
                IsFixable: IsFixable(diagnostic.Id)));
        }
        return new DocumentAnalysis(document, settings, diagnostics);
    }

    public bool IsFixable(string diagnosticId) => HasMechanicalFix(diagnosticId);

    /// <summary>The syntax diagnostics this engine can fix without the rule catalogue.</summary>
    public static bool HasMechanicalFix(string diagnosticId) => diagnosticId is SyntaxDiagnosticIds.EmptyContinuationLine or SyntaxDiagnosticIds.UnknownInstruction;

    public IReadOnlyList<FixAction> GetFixes(DocumentAnalysis analysis, DocumentDiagnostic diagnostic, CancellationToken cancellationToken)
    {
        var text = analysis.Document.Text;
        switch (diagnostic.Id)
        {
            case SyntaxDiagnosticIds.EmptyContinuationLine:
                var line = text.Lines.GetLineFromOffset(diagnostic.Span.Start);
                var lineSpan = TextSpan.FromBounds(text.Lines.GetLineStart(line), text.Lines.GetLineEndIncludingBreak(line));
                return [new FixAction("Remove empty continuation line", diagnostic.Id, true, _ => [TextChange.Delete(lineSpan)])];
            case SyntaxDiagnosticIds.UnknownInstruction:
                var keyword = analysis.Document.Tree.Root.FindInstruction(diagnostic.Span.Start)?.Keyword;
                if (keyword is not { } token || token.Kind == SyntaxKind.None) return [];
                var suggestion = KeywordSuggestion.For(token.Text);
                return suggestion is null ? [] : [new FixAction($"Change to '{suggestion}'", diagnostic.Id, true, _ => [new TextChange(token.Span, suggestion)])];
            default:
                return [];
        }
    }

    public FixAction? GetFixAll(DocumentAnalysis analysis, string? diagnosticId, CancellationToken cancellationToken)
    {
        var fixes = analysis.Diagnostics
            .Where(d => diagnosticId is null ? IsFixable(d.Id) : d.Id == diagnosticId)
            .Select(d => GetFixes(analysis, d, cancellationToken).FirstOrDefault())
            .OfType<FixAction>()
            .ToArray();
        if (fixes.Length == 0) return null;
        var title = diagnosticId is null ? "Fix all auto-fixable problems" : $"Fix all {diagnosticId} in this file";
        return new FixAction(title, "fixAll:" + (diagnosticId ?? "*"), false, ct => TextChanges.MergeDroppingConflicts(fixes.Select(f => f.ComputeChanges(ct))));
    }

    public FixAction? GetSuppression(DocumentAnalysis analysis, DocumentDiagnostic diagnostic, SuppressionTarget target, CancellationToken cancellationToken)
    {
        if (diagnostic.Severity == DiagnosticLevel.Error) return null;
        var title = target == SuppressionTarget.File ? $"Ignore {diagnostic.Id} for this file" : $"Ignore {diagnostic.Id} for this instruction";
        return new FixAction(title, "suppress:" + target, false, _ => SuppressionComments.Edit(analysis.Document.Tree, diagnostic.Id, diagnostic.Span.Start, target));
    }

    private static DiagnosticLevel ToLevel(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => DiagnosticLevel.Error,
        DiagnosticSeverity.Warning => DiagnosticLevel.Warning,
        DiagnosticSeverity.Info => DiagnosticLevel.Info,
        _ => DiagnosticLevel.Hint,
    };
}
