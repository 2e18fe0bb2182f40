using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF209_InvalidExpose;

/// <summary>Fixes DF209 by rewriting the word to the container port with a lowercase protocol.</summary>
public sealed class InvalidExposeCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [InvalidExposeAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        if (!context.Diagnostic.Properties.TryGetValue(InvalidExposeAnalyzer.ReplacementProperty, out var replacement)) return;
        var span = context.Diagnostic.Span;
        context.RegisterCodeFix(CodeAction.Create(
            $"Change to '{replacement}'",
            _ => DocumentChanges.FromTextChanges(new TextChange(span, replacement)),
            InvalidExposeAnalyzer.Descriptor.Id,
            isPreferred: true));
    }
}
