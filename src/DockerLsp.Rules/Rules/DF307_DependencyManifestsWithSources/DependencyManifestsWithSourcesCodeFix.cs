using System.Text;
using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF307_DependencyManifestsWithSources;

/// <summary>
/// Fixes DF307: inserts, before the broad COPY, a COPY of the manifests (same ownership flags and destination; one COPY per
/// directory so that nested manifests keep their place) followed by the install, moved from below. When the RUN also builds from
/// the sources, only its leading install commands move and the rest stays. Offered only when nothing but metadata lies between
/// the broad COPY and the install, the build state is the same, and the manifests are known.
/// </summary>
public sealed class DependencyManifestsWithSourcesCodeFix : ComputedCodeFix
{
    protected override string DiagnosticId => DependencyManifestsWithSourcesAnalyzer.Descriptor.Id;

    protected override string Title => "Copy the manifests and install before copying the sources";

    protected override bool FixesAllTogether => false;

    protected override DocumentChanges? Fix(DockerfileDocument document, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (diagnostics is not [var diagnostic]) return null;
        var model = document.GetSemanticModel(cancellationToken);
        if (model.GetStageAt(diagnostic.Span.Start) is not { } stage) return null;
        var found = InstallAfterSources.Find(document, model, stage, cancellationToken).FirstOrDefault(f => f.Install.Invocation.Command.Span == diagnostic.Span);
        if (found is not { IsFixable: true, ManifestsToCopy: { } manifests }) return null;

        var text = document.Text;
        var newline = DockerfileStyle.NewlineOf(text);
        var broad = found.BroadCopy.Instruction;
        var inserted = new StringBuilder();
        var keyword = broad.Keyword.Text.Any(char.IsUpper) ? "COPY" : "copy";
        var flags = string.Concat(broad.Flags.Where(f => f.Name is "chown" or "chmod" or "link").Select(f => f.Token.Text + " "));
        foreach (var group in manifests.GroupBy(m => m.Contains('/') ? m[..m.LastIndexOf('/')] : string.Empty))
        {
            var destination = group.Key.Length == 0 ? found.BroadCopy.Destination : ContainerPaths.Normalize(found.BroadCopy.Destination.TrimEnd('/') + "/" + group.Key);
            if (!destination.EndsWith('/')) destination += "/";
            inserted.Append(keyword).Append(' ').Append(flags).Append(string.Join(' ', group)).Append(' ').Append(destination).Append(newline);
        }

        var changes = new List<TextChange>();
        var run = found.Run;
        var script = model.GetShellScript(run, cancellationToken);
        if (found.MovesWholeRun)
        {
            inserted.Append(InstructionBlocks.BlockText(text, run, newline));
            changes.Add(TextChange.Delete(InstructionBlocks.BlockSpan(text, run)));
        }
        else
        {
            var removal = ScriptEdits.RemoveCommands(script, found.MovedCommands.ToList());
            if (removal is null || removal.Count == 0) return null;
            var head = text.ToString(TextSpan.FromBounds(run.Keyword.Span.Start, run.ShellForm!.Span.Start));
            var moved = text.ToString(TextSpan.FromBounds(ScriptEdits.Extent(found.MovedCommands[0]).Start, ScriptEdits.Extent(found.MovedCommands[^1]).End));
            inserted.Append(head).Append(moved).Append(newline);
            changes.AddRange(removal);
        }
        changes.Add(TextChange.Insert(InstructionBlocks.BlockStart(text, broad), inserted.ToString()));
        return DocumentChanges.FromTextChanges(changes);
    }
}
