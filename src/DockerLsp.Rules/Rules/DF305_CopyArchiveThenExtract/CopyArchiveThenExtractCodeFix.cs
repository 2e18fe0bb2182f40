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
public sealed class CopyArchiveThenExtractCodeFix : ComputedCodeFix
{
    protected override string DiagnosticId => CopyArchiveThenExtractAnalyzer.Descriptor.Id;

    protected override string Title => "Use ADD to unpack the archive and drop the extraction";

    protected override bool FixesAllTogether => false;

    protected override DocumentChanges? Fix(DockerfileDocument document, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (diagnostics is not [var diagnostic]) return null;
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
