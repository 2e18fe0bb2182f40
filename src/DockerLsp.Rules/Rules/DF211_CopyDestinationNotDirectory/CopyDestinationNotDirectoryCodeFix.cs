using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF211_CopyDestinationNotDirectory;

/// <summary>Fixes DF211 by appending '/' to the destination (inside the quotes of a JSON string).</summary>
public sealed class CopyDestinationNotDirectoryCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [CopyDestinationNotDirectoryAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        var copy = SyntaxHelpers.FindNode<CopyLikeInstructionSyntax>(context.Document.SyntaxTree, context.Diagnostic.Span.Start);
        if (copy is null || CopyDestinationNotDirectoryAnalyzer.DestinationToken(copy) is not { } token) return;
        var position = token.Kind == SyntaxKind.StringLiteralToken ? token.Span.End - 1 : token.Span.End;
        context.RegisterCodeFix(CodeAction.Create(
            "Add '/' to the destination",
            _ => DocumentChanges.FromTextChanges(TextChange.Insert(position, "/")),
            CopyDestinationNotDirectoryAnalyzer.Descriptor.Id,
            isPreferred: true));
    }
}
