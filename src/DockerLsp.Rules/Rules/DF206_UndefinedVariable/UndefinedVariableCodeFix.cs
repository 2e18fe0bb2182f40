using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Shell;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF206_UndefinedVariable;

/// <summary>
/// Fixes DF206: replaces the name with the suggested one (keeping <c>$</c>, braces and modifiers), or declares the ARG: before the
/// first FROM for a name used in FROM, right after the stage's FROM otherwise.
/// </summary>
public sealed class UndefinedVariableCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [UndefinedVariableAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        var diagnostic = context.Diagnostic;
        var document = context.Document;
        if (diagnostic.Properties.TryGetValue(UndefinedVariableAnalyzer.SuggestionProperty, out var suggestion))
        {
            var text = document.Text.ToString(diagnostic.Span);
            var reference = VariableReferenceScanner.Find(text, document.SyntaxTree.EscapeCharacter).FirstOrDefault();
            if (reference.Length == 0) return;
            var nameSpan = new TextSpan(diagnostic.Span.Start + reference.NameStart, reference.NameLength);
            context.RegisterCodeFix(CodeAction.Create(
                $"Use '{suggestion}'",
                _ => DocumentChanges.FromTextChanges(new TextChange(nameSpan, suggestion)),
                UndefinedVariableAnalyzer.Descriptor.Id,
                isPreferred: true));
            return;
        }

        if (!diagnostic.Properties.TryGetValue(UndefinedVariableAnalyzer.DeclareProperty, out var name)) return;
        var model = document.GetSemanticModel(context.CancellationToken);
        var newline = SyntaxHelpers.Newline(document.Text);
        int position;
        if (diagnostic.Properties.GetValueOrDefault(UndefinedVariableAnalyzer.DeclareScopeProperty) == "global")
        {
            var first = model.Stages.FirstOrDefault();
            if (first is null) return;
            position = document.Text.Lines.GetLineStart(document.Text.Lines.GetLineFromOffset(first.From.Span.Start));
        }
        else
        {
            var stage = model.GetStageAt(diagnostic.Span.Start);
            if (stage is null) return;
            position = stage.From.FullSpan.End;
            if (position == document.Text.Length && !document.Text.ToString().EndsWith('\n')) return;
        }
        var keyword = SyntaxHelpers.CaseLike("ARG", model.Stages.FirstOrDefault()?.From.Keyword.Text ?? "FROM");
        context.RegisterCodeFix(CodeAction.Create(
            $"Declare '{keyword} {name}'",
            _ => DocumentChanges.FromTextChanges(TextChange.Insert(position, keyword + " " + name + newline)),
            UndefinedVariableAnalyzer.Descriptor.Id + ".declare",
            isPreferred: true));
    }
}
