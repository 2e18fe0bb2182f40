using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF305_CopyArchiveThenExtract;

/// <summary>
/// DF305: COPY of a local tar archive that a later RUN of the stage extracts with options ADD reproduces. The archive stays in the
/// COPY layer even when the RUN deletes it, and the RUN duplicates its content in a second layer; <c>ADD archive dir/</c> unpacks it
/// in one layer. Reported on the archive source. Extractions ADD cannot reproduce (<c>--strip-components</c>, member lists) are not
/// reported.
/// </summary>
public sealed class CopyArchiveThenExtractAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF305",
        "Archive copied in, then extracted",
        "'{0}' is copied into a layer and then extracted by a RUN: the archive stays in the image. ADD unpacks a local tar archive in one step.",
        DiagnosticCategory.BestPractice,
        DiagnosticSeverity.Warning,
        hadolintIds: ["DL3010"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        var model = context.SemanticModel;
        var stage = context.Stage;
        foreach (var copy in stage.Instructions.OfType<CopyInstructionSyntax>())
        {
            if (CopiedArchiveExtraction.Find(model, stage, copy, context.CancellationToken) is not { } found) continue;
            var span = SourceSpan(copy, found.Source) ?? copy.Keyword.Span;
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, span, found.Source));
        }
    }

    /// <summary>The span of the source argument as written (shell-form word or JSON string), when it can be found.</summary>
    internal static Syntax.Text.TextSpan? SourceSpan(CopyLikeInstructionSyntax copy, string expandedSource)
    {
        var words = copy.Arguments?.Words ?? [];
        foreach (var word in words.Take(Math.Max(0, words.Count - 1)))
        {
            if (word.ValueText == expandedSource) return word.Span;
        }
        return words.Count > 1 ? words[0].Span : null;
    }
}
