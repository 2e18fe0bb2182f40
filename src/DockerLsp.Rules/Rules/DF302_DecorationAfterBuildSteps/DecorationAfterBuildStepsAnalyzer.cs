using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Analysis.Semantics;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF302_DecorationAfterBuildSteps;

/// <summary>
/// DF302: static image metadata (EXPOSE, CMD, ENTRYPOINT, STOPSIGNAL, HEALTHCHECK, LABEL with literal values, MAINTAINER) wedged
/// between build steps of its stage. It belongs with the stage's header, right after FROM (after any ARG/ENV it references):
/// it splits RUN chains, hides among the steps, and with the classic builder an edit to it re-runs every step below it.
/// Metadata at the end of a stage is the common convention and is not reported: nothing follows it, so it costs nothing in any
/// builder. Reported on the keyword.
/// </summary>
public sealed class DecorationAfterBuildStepsAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF302",
        "Static image metadata between build steps",
        "{0} only sets image metadata but sits between build steps; move it up, after FROM, with the stage's other metadata.",
        DiagnosticCategory.BestPractice,
        DiagnosticSeverity.Info);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        foreach (var move in Moves(context.SyntaxTree, context.Stage))
        {
            var keyword = move.Instruction.Keyword;
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, keyword.Span, move.Instruction.KeywordText));
        }
    }

    /// <summary>The decorations of <paramref name="stage"/> to move, each with the instruction it goes after.</summary>
    internal static IEnumerable<InstructionMove> Moves(SyntaxTree tree, BuildStage stage)
    {
        var instructions = stage.Instructions;
        var firstStep = -1;
        var lastStep = -1;
        for (var i = 1; i < instructions.Length; i++)
        {
            if (!StageFacts.IsBuildStep(instructions[i])) continue;
            if (firstStep < 0) firstStep = i;
            lastStep = i;
        }
        if (firstStep < 0) yield break;
        for (var i = firstStep + 1; i < lastStep; i++)
        {
            var instruction = instructions[i];
            if (!IsStaticDecoration(tree, instruction)) continue;
            var anchor = AnchorIndex(tree, stage, instruction);
            if (anchor < 0 || anchor >= firstStep) continue;
            yield return new InstructionMove(instruction, instructions[anchor], MoveSlot.AfterAnchor);
        }
    }

    /// <summary>Metadata-only instructions whose value is fixed in the Dockerfile.</summary>
    private static bool IsStaticDecoration(SyntaxTree tree, InstructionSyntax instruction) => instruction switch
    {
        ExposeInstructionSyntax or CmdInstructionSyntax or EntrypointInstructionSyntax or StopSignalInstructionSyntax or HealthcheckInstructionSyntax or MaintainerInstructionSyntax => true,
        LabelInstructionSyntax => VariableUses.Names(tree, instruction).Count == 0,
        _ => false,
    };

    /// <summary>
    /// Where the decoration goes: after FROM, after the ARG/ENV declarations it references (for EXPOSE and STOPSIGNAL, whose
    /// values the builder expands), and after the metadata already gathered at the top. -1 when it cannot move.
    /// </summary>
    private static int AnchorIndex(SyntaxTree tree, BuildStage stage, InstructionSyntax decoration)
    {
        var instructions = stage.Instructions;
        var anchor = 0;
        var referenced = decoration is ExposeInstructionSyntax or StopSignalInstructionSyntax ? VariableUses.Names(tree, decoration) : new HashSet<string>();
        for (var i = 1; i < instructions.Length && instructions[i] != decoration; i++)
        {
            if (Declares(instructions[i], referenced)) anchor = i;
        }
        while (anchor + 1 < instructions.Length && instructions[anchor + 1] != decoration && IsStaticDecoration(tree, instructions[anchor + 1])) anchor++;
        return anchor;
    }

    private static bool Declares(InstructionSyntax instruction, IReadOnlySet<string> names) => instruction switch
    {
        ArgInstructionSyntax arg => arg.Declarations.Any(d => names.Contains(d.Name)),
        EnvInstructionSyntax env => env.Pairs.Any(p => names.Contains(p.Key)),
        _ => false,
    };
}
