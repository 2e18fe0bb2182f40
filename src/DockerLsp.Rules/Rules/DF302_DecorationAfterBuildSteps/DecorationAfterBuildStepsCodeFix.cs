using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common.BestPractice;

namespace DockerLsp.Rules.Rules.DF302_DecorationAfterBuildSteps;

/// <summary>
/// Fixes DF302 by moving the instruction (with the comment lines directly above it) up, after FROM and the stage's existing
/// metadata. Fix-all moves every reported instruction in one change, keeping their order.
/// </summary>
public sealed class DecorationAfterBuildStepsCodeFix : CodeFixProvider
{
    private static readonly string s_key = DecorationAfterBuildStepsAnalyzer.Descriptor.Id;

    public override ImmutableArray<string> FixableDiagnosticIds => [s_key];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        if (Fix(context.Document, [context.Diagnostic], context.CancellationToken) is null) return;
        context.RegisterCodeFix(CodeAction.Create(
            "Move it up with the stage's metadata",
            ct => Fix(context.Document, [context.Diagnostic], ct) ?? DocumentChanges.Empty,
            s_key,
            isPreferred: true));
    }

    public override FixAllProvider GetFixAllProvider() => new GroupingFixAllProvider(s_key, _ => 0, Fix);

    private static DocumentChanges? Fix(DockerfileDocument document, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var model = document.GetSemanticModel(cancellationToken);
        var starts = diagnostics.Select(d => d.Span.Start).ToHashSet();
        var moves = model.Stages
            .SelectMany(stage => DecorationAfterBuildStepsAnalyzer.Moves(document.SyntaxTree, stage))
            .Where(m => starts.Contains(m.Instruction.Keyword.Span.Start))
            .ToList();
        if (moves.Count == 0) return null;
        return MovePlan.Build(document.Text, DockerfileStyle.NewlineOf(document.Text), moves);
    }
}
