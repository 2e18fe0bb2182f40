using System.Collections.Immutable;
using System.Text;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF504_MaintainerDeprecated;

/// <summary>
/// Fixes DF504: <c>MAINTAINER Jane &lt;j@x.org&gt;</c> becomes <c>LABEL org.opencontainers.image.authors="Jane &lt;j@x.org&gt;"</c>, keyword
/// case kept; <c>"</c>, <c>$</c> and the escape character are escaped because LABEL, unlike MAINTAINER, processes them.
/// </summary>
public sealed class MaintainerDeprecatedCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [MaintainerDeprecatedAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        var maintainer = SyntaxHelpers.FindNode<MaintainerInstructionSyntax>(context.Document.SyntaxTree, context.Diagnostic.Span.Start);
        if (maintainer is null || maintainer.ValueToken.Kind == SyntaxKind.None) return;
        var escape = context.Document.SyntaxTree.EscapeCharacter;
        var value = Quote(maintainer.Value.Trim(), escape);
        var keyword = SyntaxHelpers.CaseLike("LABEL", maintainer.Keyword.Text);
        var span = TextSpan.FromBounds(maintainer.Keyword.Span.Start, maintainer.ValueToken.Span.End);
        context.RegisterCodeFix(CodeAction.Create(
            "Replace with LABEL org.opencontainers.image.authors",
            _ => DocumentChanges.FromTextChanges(new TextChange(span, keyword + " org.opencontainers.image.authors=" + value)),
            MaintainerDeprecatedAnalyzer.Descriptor.Id,
            isPreferred: true));
    }

    internal static string Quote(string value, char escape)
    {
        var builder = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            if (c == '"' || c == '$' || c == escape) builder.Append(escape);
            builder.Append(c);
        }
        return builder.Append('"').ToString();
    }
}
