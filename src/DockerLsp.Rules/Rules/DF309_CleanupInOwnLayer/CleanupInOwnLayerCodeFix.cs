using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF309_CleanupInOwnLayer;

/// <summary>
/// Fixes DF309 when the cleanup RUN directly follows the RUN that creates the files: the two are joined with <c>&amp;&amp;</c>, exactly as
/// DF301 would join them (same edit, so fix-all applies it once). Not offered when something stands between them.
/// </summary>
public sealed class CleanupInOwnLayerCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [CleanupInOwnLayerAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        var document = context.Document;
        var model = document.GetSemanticModel(context.CancellationToken);
        if (document.SyntaxTree.Root.FindInstruction(context.Diagnostic.Span.Start) is not RunInstructionSyntax cleanup) return;
        if (model.GetStage(cleanup) is not { } stage || StageFacts.Previous(stage, cleanup) is not RunInstructionSyntax creator) return;
        if (!RunJoin.CanJoin(model, creator, cleanup, context.CancellationToken)) return;
        context.RegisterCodeFix(CodeAction.Create(
            "Move the cleanup into the previous RUN",
            _ => DocumentChanges.FromTextChanges(RunJoin.Join(document.Text, DockerfileStyle.Of(document.SyntaxTree), creator, cleanup)),
            CleanupInOwnLayerAnalyzer.Descriptor.Id,
            isPreferred: true));
    }
}
