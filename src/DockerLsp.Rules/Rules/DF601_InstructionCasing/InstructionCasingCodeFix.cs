using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF601_InstructionCasing;

/// <summary>Fixes DF601 by re-casing the keyword.</summary>
public sealed class InstructionCasingCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [InstructionCasingAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        if (!context.Diagnostic.Properties.TryGetValue(InstructionCasingAnalyzer.ExpectedProperty, out var expected)) return;
        var span = context.Diagnostic.Span;
        context.RegisterCodeFix(CodeAction.Create(
            $"Change to '{expected}'",
            _ => DocumentChanges.FromTextChanges(new TextChange(span, expected)),
            InstructionCasingAnalyzer.Descriptor.Id,
            isPreferred: true));
    }
}
