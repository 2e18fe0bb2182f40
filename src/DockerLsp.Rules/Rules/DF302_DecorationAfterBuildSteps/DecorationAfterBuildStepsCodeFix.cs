using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common.BestPractice;

namespace DockerLsp.Rules.Rules.DF302_DecorationAfterBuildSteps;

/// <summary>
/// Fixes DF302 by moving the instruction (with the comment lines directly above it) up, after FROM and the stage's existing
/// metadata. Fix-all moves every reported instruction in one change, keeping their order.
/// </summary>
public sealed class DecorationAfterBuildStepsCodeFix : ComputedCodeFix
{
    protected override string DiagnosticId => DecorationAfterBuildStepsAnalyzer.Descriptor.Id;

    protected override string Title => "Move it up with the stage's metadata";

    protected override DocumentChanges? Fix(DockerfileDocument document, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var model = document.GetSemanticModel(cancellationToken);
        var starts = diagnostics.Select(d => d.Span.Start).ToHashSet();
        var moves = StageFacts.StagesAt(model, starts)
            .SelectMany(stage => DecorationAfterBuildStepsAnalyzer.Moves(document.SyntaxTree, stage))
            .Where(m => starts.Contains(m.Instruction.Keyword.Span.Start))
            .ToList();
        if (moves.Count == 0) return null;
        return MovePlan.Build(document.Text, DockerfileStyle.NewlineOf(document.Text), moves);
    }
}
