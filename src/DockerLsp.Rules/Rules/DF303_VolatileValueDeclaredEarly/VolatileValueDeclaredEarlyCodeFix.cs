using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common.BestPractice;

namespace DockerLsp.Rules.Rules.DF303_VolatileValueDeclaredEarly;

/// <summary>
/// Fixes DF303 by moving the declaration (and the comment lines directly above it) down to just before its first use, or to the end
/// of the stage (LABELs, and declarations nothing uses). Not offered when the instruction also declares non-volatile names, which
/// may be needed where they are. A declaration that follows another (its first use) moves with it. Fix-all plans every move of
/// the document together, so chained declarations keep their order.
/// </summary>
public sealed class VolatileValueDeclaredEarlyCodeFix : ComputedCodeFix
{
    protected override string DiagnosticId => VolatileValueDeclaredEarlyAnalyzer.Descriptor.Id;

    protected override string Title => "Move the declaration down to its first use";

    protected override DocumentChanges? Fix(DockerfileDocument document, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var model = document.GetSemanticModel(cancellationToken);
        var starts = diagnostics.Select(d => d.Span.Start).ToHashSet();
        var tree = document.SyntaxTree;
        var moves = new List<InstructionMove>();
        // Declarations move within their stage: each stage holding a diagnostic is planned on its own (and only those are analysed).
        foreach (var stage in StageFacts.StagesAt(model, starts))
        {
            var declarations = VolatileDeclarations.Find(model, stage, cancellationToken);
            var moved = declarations.Where(d => d.CanMove && starts.Contains(d.NameToken.Span.Start)).ToList();
            // A declaration whose first use is another volatile declaration goes wherever that one goes, and one that passed over a
            // volatile LABEL using it counts on that LABEL going to the end: moving it alone would leave a use above its declaration.
            // So those moves come along, transitively.
            for (var i = 0; i < moved.Count; i++)
            {
                var current = moved[i];
                foreach (var other in declarations.Where(d => d.CanMove && !moved.Contains(d)))
                {
                    var isFollowed = other.Instruction == current.Move.Anchor;
                    var isPassedLabel = other.Instruction is Syntax.LabelInstructionSyntax && other.Instruction.Span.Start > current.Instruction.Span.Start
                        && VariableUses.Mentions(tree, other.Instruction, current.DeclaredNames);
                    if (isFollowed || isPassedLabel) moved.Add(other);
                }
            }
            moves.AddRange(moved.Select(d => d.Move));
        }
        if (moves.Count == 0) return null;
        return MovePlan.Build(document.Text, DockerfileStyle.NewlineOf(document.Text), moves);
    }
}
