using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF203_MultipleCommandInstructions;

/// <summary>
/// DF203: more than one CMD, ENTRYPOINT or HEALTHCHECK in a stage. Only the last one takes effect, so the earlier ones are
/// dead code: each is reported (tagged Unnecessary) with the effective one as related location.
/// </summary>
public sealed class MultipleCommandInstructionsAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF203",
        "Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage counts",
        "This {0} has no effect: the {0} on line {1} replaces it.",
        DiagnosticCategory.Correctness,
        DiagnosticSeverity.Warning,
        hadolintIds: ["DL4003", "DL4004", "DL3012"],
        buildKitNames: ["MultipleInstructionsDisallowed"],
        tags: DiagnosticTags.Unnecessary,
        messageCitesLines: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static readonly SyntaxKind[] s_kinds = [SyntaxKind.CmdInstruction, SyntaxKind.EntrypointInstruction, SyntaxKind.HealthcheckInstruction];

    private static void Analyze(StageAnalysisContext context)
    {
        var instructions = context.Stage.Instructions;
        foreach (var kind in s_kinds)
        {
            var count = 0;
            InstructionSyntax? last = null;
            foreach (var instruction in instructions)
            {
                if (instruction.Kind != kind) continue;
                count++;
                last = instruction;
            }
            if (count < 2) continue;
            var line = context.Document.Text.Lines.GetLineFromOffset(last!.Span.Start) + 1;
            foreach (var earlier in instructions)
            {
                if (earlier.Kind != kind || ReferenceEquals(earlier, last)) continue;
                context.ReportDiagnostic(Diagnostic.Create(Descriptor, earlier.Span,
                    [new RelatedLocation(last.Span, "the effective " + last.KeywordText)], null, DiagnosticTags.None, earlier.KeywordText, line));
            }
        }
    }
}
