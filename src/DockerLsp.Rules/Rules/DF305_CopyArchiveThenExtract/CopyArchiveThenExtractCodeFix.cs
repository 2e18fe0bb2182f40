using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF305_CopyArchiveThenExtract;

/// <summary>
/// Fixes DF305: the COPY becomes <c>ADD archive &lt;extract dir&gt;/</c>, and the RUN loses the <c>tar</c> command and the <c>rm</c> of the
/// archive (the whole RUN goes when nothing else is left). Offered only when the extracting RUN is the next build step, runs as root
/// and extracts into a known directory.
/// </summary>
public sealed class CopyArchiveThenExtractCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [CopyArchiveThenExtractAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        if (Fix(context.Document, context.Diagnostic, context.CancellationToken) is null) return;
        context.RegisterCodeFix(CodeAction.Create(
            "Use ADD to unpack the archive and drop the extraction",
            ct => Fix(context.Document, context.Diagnostic, ct) ?? DocumentChanges.Empty,
            CopyArchiveThenExtractAnalyzer.Descriptor.Id,
            isPreferred: true));
    }

    private static DocumentChanges? Fix(DockerfileDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var model = document.GetSemanticModel(cancellationToken);
        if (document.SyntaxTree.Root.FindInstruction(diagnostic.Span.Start) is not CopyInstructionSyntax copy || model.GetStage(copy) is not { } stage) return null;
        if (CopiedArchiveExtraction.Find(model, stage, copy, cancellationToken) is not { IsFixable: true } found) return null;
        var words = copy.Arguments?.Words;
        if (words is null || words.Count != 2) return null;
        var script = model.GetShellScript(found.Run, cancellationToken);
        var removal = ScriptEdits.RemoveCommands(script, [found.Tar.Invocation.Command, .. found.Removals.Select(r => r.Command)]);
        if (removal is null) return null;

        var text = document.Text;
        var keyword = copy.Keyword.Text.Any(char.IsUpper) ? "ADD" : "add";
        var changes = new List<TextChange>
        {
            new(copy.Keyword.Span, keyword),
            new(words[1].Span, ContainerPaths.Normalize(found.ExtractDirectory!).TrimEnd('/') + "/"),
        };
        if (removal.Count == 0) changes.Add(TextChange.Delete(InstructionBlocks.BlockSpan(text, found.Run)));
        else changes.AddRange(removal);
        return DocumentChanges.FromTextChanges(changes);
    }
}
