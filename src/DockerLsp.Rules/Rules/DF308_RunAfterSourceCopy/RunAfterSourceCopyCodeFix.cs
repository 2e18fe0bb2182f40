using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common.BestPractice;

namespace DockerLsp.Rules.Rules.DF308_RunAfterSourceCopy;

/// <summary>
/// Fixes DF308 by moving the RUN (with the comment lines directly above it) above the first application COPY: it is inserted at the
/// end of the instruction before that COPY, so that a manifest COPY inserted by DF307 right before the COPY lands after it. Fix-all
/// moves every reported RUN of the document in one change, in their original order.
/// </summary>
public sealed class RunAfterSourceCopyCodeFix : ComputedCodeFix
{
    protected override string DiagnosticId => RunAfterSourceCopyAnalyzer.Descriptor.Id;

    protected override string Title => "Move the RUN above the COPY";

    protected override DocumentChanges? Fix(DockerfileDocument document, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var model = document.GetSemanticModel(cancellationToken);
        var starts = diagnostics.Select(d => d.Span.Start).ToHashSet();
        var moves = new List<InstructionMove>();
        foreach (var stage in StageFacts.StagesAt(model, starts))
        {
            foreach (var (run, copy) in RunAfterSourceCopyAnalyzer.Find(model, stage, cancellationToken))
            {
                if (!starts.Contains(run.Keyword.Span.Start) || StageFacts.Previous(stage, copy) is not { } before) continue;
                moves.Add(new InstructionMove(run, before, MoveSlot.AfterAnchor));
            }
        }
        return moves.Count == 0 ? null : MovePlan.Build(document.Text, DockerfileStyle.NewlineOf(document.Text), moves);
    }
}
