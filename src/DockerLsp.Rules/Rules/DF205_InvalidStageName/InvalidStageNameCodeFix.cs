using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Analysis.Semantics;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF205_InvalidStageName;

/// <summary>
/// Fixes DF205's casing case: lower-cases the stage name and every reference to it that is spelled differently (FROM base,
/// <c>COPY --from</c>, <c>--mount from=</c>), when no other stage already has the lower-case name. Duplicates and reserved
/// names need a new name chosen by a person; the rename feature does that.
/// </summary>
public sealed class InvalidStageNameCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [InvalidStageNameAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        if (context.Diagnostic.Properties.GetValueOrDefault(InvalidStageNameAnalyzer.KindProperty) != "casing") return;
        var model = context.Document.GetSemanticModel(context.CancellationToken);
        var stage = model.Stages.FirstOrDefault(s => s.NameToken.Span == context.Diagnostic.Span);
        if (stage?.Name is null) return;
        var lower = stage.NormalizedName!;
        if (model.Stages.Any(s => s != stage && s.NormalizedName == lower && s.Name != stage.Name)) return;
        context.RegisterCodeFix(CodeAction.Create(
            $"Rename stage to '{lower}' (and its references)",
            _ => DocumentChanges.FromTextChanges(Edits(model, stage, lower)),
            InvalidStageNameAnalyzer.Descriptor.Id,
            isPreferred: true));
    }

    private static IEnumerable<TextChange> Edits(SemanticModel model, BuildStage stage, string lower)
    {
        yield return new TextChange(stage.NameToken.Span, lower);
        foreach (var reference in model.StageReferences)
        {
            // Only references that spell the name literally can be edited; ones built from variables are left alone.
            var text = model.SyntaxTree.Text.ToString(reference.Span);
            if (reference.Target == stage && text != lower && string.Equals(text, stage.Name, StringComparison.OrdinalIgnoreCase))
            {
                yield return new TextChange(reference.Span, lower);
            }
        }
    }
}
