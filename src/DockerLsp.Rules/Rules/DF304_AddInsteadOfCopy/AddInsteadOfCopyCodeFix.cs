using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF304_AddInsteadOfCopy;

/// <summary>Fixes DF304 by replacing the ADD keyword with COPY, in the keyword's case; flags and arguments stay as they are.</summary>
public sealed class AddInsteadOfCopyCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [AddInsteadOfCopyAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        var token = context.Document.SyntaxTree.Root.FindToken(context.Diagnostic.Span.Start);
        if (token.Kind != SyntaxKind.KeywordToken || token.Parent is not AddInstructionSyntax) return;
        var copy = token.Text.Any(char.IsLower) && !token.Text.Any(char.IsUpper) ? "copy" : "COPY";
        context.RegisterCodeFix(CodeAction.Create(
            "Use COPY",
            _ => DocumentChanges.FromTextChanges(new TextChange(token.Span, copy)),
            AddInsteadOfCopyAnalyzer.Descriptor.Id,
            isPreferred: true));
    }
}
