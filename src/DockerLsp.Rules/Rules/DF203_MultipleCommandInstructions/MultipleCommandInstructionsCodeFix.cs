using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF203_MultipleCommandInstructions;

/// <summary>Fixes DF203 by deleting the overridden instruction's lines (comments above it are kept: they may describe more than it).</summary>
public sealed class MultipleCommandInstructionsCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [MultipleCommandInstructionsAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        var tree = context.Document.SyntaxTree;
        var instruction = tree.Root.FindInstruction(context.Diagnostic.Span.Start);
        if (instruction is null || instruction.Span.Start != context.Diagnostic.Span.Start) return;
        var span = SyntaxHelpers.InstructionLinesSpan(tree, instruction);
        context.RegisterCodeFix(CodeAction.Create(
            $"Remove the overridden {instruction.KeywordText}",
            _ => DocumentChanges.FromTextChanges(Syntax.Text.TextChange.Delete(span)),
            MultipleCommandInstructionsAnalyzer.Descriptor.Id,
            isPreferred: true));
    }
}
