using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF301_ChainRunInstructions;

/// <summary>
/// Fixes DF301 by joining the RUN onto the one above: <c> &amp;&amp; \</c>, a new line indented like the file's other continuation
/// lines, then the second RUN's script; its keyword and flags go, comment lines between stay (inside the continuation). Chains of
/// three or more RUNs fix in one pass because each join touches only the region between two RUNs.
/// </summary>
public sealed class ChainRunInstructionsCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [ChainRunInstructionsAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        var document = context.Document;
        var model = document.GetSemanticModel(context.CancellationToken);
        if (document.SyntaxTree.Root.FindInstruction(context.Diagnostic.Span.Start) is not RunInstructionSyntax second) return;
        if (model.GetStage(second) is not { } stage || StageFacts.Previous(stage, second) is not RunInstructionSyntax first) return;
        if (!RunChains.IsChainable(model, stage, first, second, context.CancellationToken)) return;
        context.RegisterCodeFix(CodeAction.Create(
            "Chain this RUN onto the previous one",
            _ => DocumentChanges.FromTextChanges(RunJoin.Join(document.Text, DockerfileStyle.Of(document.SyntaxTree), first, second)),
            ChainRunInstructionsAnalyzer.Descriptor.Id,
            isPreferred: true));
    }
}
