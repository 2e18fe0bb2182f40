using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF208_InvalidFlag;

/// <summary>Fixes DF208: replaces the flag name, mount type or mount key with the nearest valid one (preferred), or removes the flag with the blank after it.</summary>
public sealed class InvalidFlagCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [InvalidFlagAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        var diagnostic = context.Diagnostic;
        if (diagnostic.Properties.TryGetValue(InvalidFlagAnalyzer.SuggestionProperty, out var suggestion))
        {
            context.RegisterCodeFix(CodeAction.Create(
                $"Change to '{suggestion}'",
                _ => DocumentChanges.FromTextChanges(new TextChange(diagnostic.Span, suggestion)),
                InvalidFlagAnalyzer.Descriptor.Id,
                isPreferred: true));
        }
        if (!diagnostic.Properties.ContainsKey(InvalidFlagAnalyzer.RemovableProperty)) return;
        var flag = SyntaxHelpers.FindNode<FlagSyntax>(context.Document.SyntaxTree, diagnostic.Span.Start);
        if (flag is null) return;
        var end = flag.Span.End;
        var text = context.Document.Text;
        while (end < text.Length && text[end] is ' ' or '\t') end++;
        var span = TextSpan.FromBounds(flag.Span.Start, end);
        context.RegisterCodeFix(CodeAction.Create(
            $"Remove '{text.ToString(flag.Span)}'",
            _ => DocumentChanges.FromTextChanges(TextChange.Delete(span)),
            InvalidFlagAnalyzer.Descriptor.Id + ".remove",
            isPreferred: suggestion is null));
    }
}
