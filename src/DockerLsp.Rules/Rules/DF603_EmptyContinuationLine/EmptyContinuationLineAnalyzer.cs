using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF603_EmptyContinuationLine;

/// <summary>
/// DF603: an empty (or blank) line inside a continued instruction. BuildKit drops it with a warning today and plans to make it
/// an error; it also hides where the instruction ends. Reported on the line; the fix deletes it. Supersedes the parser's DF112.
/// </summary>
public sealed class EmptyContinuationLineAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF603",
        "Empty continuation line",
        "Empty line inside a continued instruction: BuildKit ignores it today but will reject it. Remove it, or make it a comment.",
        DiagnosticCategory.Style,
        DiagnosticSeverity.Warning,
        buildKitNames: ["NoEmptyContinuation"],
        tags: DiagnosticTags.Unnecessary);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    /// <summary>
    /// The instructions of each stage are checked by a stage action; the few before the first FROM, which belong to no stage,
    /// by a semantic-model action that reads only those.
    /// </summary>
    public override void Initialize(AnalysisContext context)
    {
        context.RegisterStageAction(c => Analyze(c.Stage.Instructions, c.ReportDiagnostic));
        context.RegisterSemanticModelAction(c => Analyze(c.SemanticModel.GlobalInstructions, c.ReportDiagnostic));
    }

    private static void Analyze(ImmutableArray<InstructionSyntax> instructions, Action<Diagnostic> report)
    {
        foreach (var instruction in instructions)
        {
            // The parser attaches a diagnostic (DF112) to every empty continuation line, so other instructions have none.
            if (!instruction.ContainsDiagnostics) continue;
            foreach (var token in instruction.DescendantTokens())
            {
                foreach (var trivia in token.LeadingTrivia.Concat(token.TrailingTrivia))
                {
                    if (trivia.Kind == SyntaxKind.EmptyContinuationLineTrivia)
                    {
                        report(Diagnostic.Create(Descriptor, trivia.Span));
                    }
                }
            }
        }
    }
}
