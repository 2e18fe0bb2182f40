using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF204_InvalidStageReference;

/// <summary>Fixes DF204 by replacing the name with the nearest earlier stage name, when there is one.</summary>
public sealed class InvalidStageReferenceCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [InvalidStageReferenceAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        if (!context.Diagnostic.Properties.TryGetValue(InvalidStageReferenceAnalyzer.SuggestionProperty, out var suggestion)) return;
        var span = context.Diagnostic.Span;
        context.RegisterCodeFix(CodeAction.Create(
            $"Use stage '{suggestion}'",
            _ => DocumentChanges.FromTextChanges(new TextChange(span, suggestion)),
            InvalidStageReferenceAnalyzer.Descriptor.Id,
            isPreferred: true));
    }
}
