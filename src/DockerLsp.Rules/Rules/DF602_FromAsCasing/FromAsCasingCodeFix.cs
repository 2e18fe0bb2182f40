using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF602_FromAsCasing;

/// <summary>Fixes DF602 by re-casing AS.</summary>
public sealed class FromAsCasingCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [FromAsCasingAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        if (!context.Diagnostic.Properties.TryGetValue(FromAsCasingAnalyzer.ExpectedProperty, out var expected)) return;
        var span = context.Diagnostic.Span;
        context.RegisterCodeFix(CodeAction.Create(
            $"Change to '{expected}'",
            _ => DocumentChanges.FromTextChanges(new TextChange(span, expected)),
            FromAsCasingAnalyzer.Descriptor.Id,
            isPreferred: true));
    }
}
