using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF604_JsonSingleQuotes;

/// <summary>Fixes DF604 by rewriting the array with double-quoted JSON strings.</summary>
public sealed class JsonSingleQuotesCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [JsonSingleQuotesAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        var instruction = SyntaxHelpers.FindNode<InstructionSyntax>(context.Document.SyntaxTree, context.Diagnostic.Span.Start);
        if (instruction is null || JsonSingleQuotesAnalyzer.ArgumentsNode(instruction) is not { } arguments) return;
        var text = JsonSingleQuotesAnalyzer.ArgumentsText(arguments);
        if (SingleQuotedArray.TryParse(text) is not { } values) return;
        var json = ShellFacts.JsonArray(values);
        var span = arguments.Span;
        context.RegisterCodeFix(CodeAction.Create(
            "Use double quotes",
            _ => DocumentChanges.FromTextChanges(new TextChange(span, json)),
            JsonSingleQuotesAnalyzer.Descriptor.Id,
            isPreferred: true));
    }
}
