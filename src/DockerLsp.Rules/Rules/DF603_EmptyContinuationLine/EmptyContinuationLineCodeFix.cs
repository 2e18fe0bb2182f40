using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF603_EmptyContinuationLine;

/// <summary>Fixes DF603 by deleting the empty line (the trivia covers the whole line, break included).</summary>
public sealed class EmptyContinuationLineCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [EmptyContinuationLineAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        var span = context.Diagnostic.Span;
        context.RegisterCodeFix(CodeAction.Create(
            "Remove the empty line",
            _ => DocumentChanges.FromTextChanges(TextChange.Delete(span)),
            EmptyContinuationLineAnalyzer.Descriptor.Id,
            isPreferred: true));
    }
}
