using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF316_RecursiveOwnershipChange;

/// <summary>
/// Fixes DF316: each COPY/ADD into the path gets <c>--chown=…</c> (or <c>--chmod=…</c>) right after its keyword, and the command loses
/// its recursive flag. The non-recursive <c>chown</c>/<c>chmod</c> of the directory itself stays: a directory that WORKDIR or an earlier
/// RUN created is not touched by COPY's flag, and changing one directory entry costs nothing. Fix-all groups the diagnostics of a
/// stage so that a chown and a chmod of the same path give each COPY both flags in one edit.
/// </summary>
public sealed class RecursiveOwnershipChangeCodeFix : ComputedCodeFix
{
    protected override string DiagnosticId => RecursiveOwnershipChangeAnalyzer.Descriptor.Id;

    protected override string Title => "Set it with COPY and drop -R";

    protected override DocumentChanges? Fix(DockerfileDocument document, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var model = document.GetSemanticModel(cancellationToken);
        var spans = diagnostics.Select(d => d.Span).ToHashSet();
        var found = StageFacts.StagesAt(model, spans.Select(s => s.Start))
            .Where(s => StageFacts.Ships(model, s))
            .SelectMany(s => RecursiveOwnershipChange.Find(model, s, cancellationToken))
            .Where(f => f.IsFixable && spans.Contains(f.Command.Command.Span))
            .ToList();
        if (found.Count == 0) return null;
        var text = document.Text;
        var changes = new List<TextChange>();
        foreach (var copy in found.SelectMany(f => f.Copies).DistinctBy(c => c.Span.Start))
        {
            var flags = found.Where(f => f.Copies.Contains(copy)).Select(f => f.Flag).Distinct();
            changes.Add(TextChange.Insert(copy.Keyword.Span.End, " " + string.Join(' ', flags)));
        }
        foreach (var change in found)
        {
            var token = change.RecursiveToken!;
            if (token.Value is "-R" or "--recursive")
            {
                // Drop the flag and the blanks after it, keeping the command on its line.
                var end = token.Span.End;
                while (end < text.Length && text[end] is ' ' or '\t') end++;
                changes.Add(TextChange.Delete(TextSpan.FromBounds(token.Span.Start, end)));
            }
            else
            {
                changes.Add(new TextChange(token.Span, token.Text.Replace("R", string.Empty, StringComparison.Ordinal)));
            }
        }
        return DocumentChanges.FromTextChanges(changes);
    }
}
