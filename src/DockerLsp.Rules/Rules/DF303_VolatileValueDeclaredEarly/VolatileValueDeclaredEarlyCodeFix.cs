using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common.BestPractice;

namespace DockerLsp.Rules.Rules.DF303_VolatileValueDeclaredEarly;

/// <summary>
/// Fixes DF303 by moving the declaration (and the comment lines directly above it) down to just before its first use, or to the end
/// of the stage (LABELs, and declarations nothing uses). Not offered when the instruction also declares non-volatile names, which
/// may be needed where they are. Fix-all plans every move of the document together, so chained declarations keep their order.
/// </summary>
public sealed class VolatileValueDeclaredEarlyCodeFix : CodeFixProvider
{
    private static readonly string s_key = VolatileValueDeclaredEarlyAnalyzer.Descriptor.Id;

    public override ImmutableArray<string> FixableDiagnosticIds => [s_key];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        if (Fix(context.Document, [context.Diagnostic], context.CancellationToken) is null) return;
        context.RegisterCodeFix(CodeAction.Create(
            "Move the declaration down to its first use",
            ct => Fix(context.Document, [context.Diagnostic], ct) ?? DocumentChanges.Empty,
            s_key,
            isPreferred: true));
    }

    public override FixAllProvider GetFixAllProvider() => new GroupingFixAllProvider(s_key, _ => 0, Fix);

    private static DocumentChanges? Fix(DockerfileDocument document, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var model = document.GetSemanticModel(cancellationToken);
        var starts = diagnostics.Select(d => d.Span.Start).ToHashSet();
        var declarations = model.Stages.SelectMany(s => VolatileDeclarations.Find(model, s, cancellationToken)).ToList();
        var chosen = declarations.Where(d => d.CanMove && starts.Contains(d.NameToken.Span.Start)).ToList();
        if (chosen.Count == 0) return null;
        // A declaration whose first use is another volatile declaration lands just before it; when both are fixed together the
        // plan follows the other one to its new place.
        return MovePlan.Build(document.Text, DockerfileStyle.NewlineOf(document.Text), chosen.Select(d => d.Move).ToList());
    }
}
