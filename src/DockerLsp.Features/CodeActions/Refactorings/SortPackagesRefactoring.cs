using System.Text.RegularExpressions;
using DockerLsp.Features.Workspace;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.CodeActions.Refactorings;

/// <summary>
/// Sorts a multi-line package list in a RUN: a block of at least two consecutive continuation lines that each hold one
/// package name (as written after <c>apt-get install</c>, <c>apk add</c>, <c>dnf install</c>, <c>pip install</c>...). Only the
/// names move; indentation and line ends stay. Sorted lists make duplicates visible and diffs small.
/// </summary>
internal sealed partial class SortPackagesRefactoring : IRefactoring
{
    [GeneratedRegex(@"^(?<indent>[ \t]*)(?<name>[A-Za-z0-9][A-Za-z0-9_.+:=~<>*@/-]*)(?<tail>[ \t]*)$")]
    private static partial Regex PackageLinePrefix();

    [GeneratedRegex(@"\b(install|add)\b")]
    private static partial Regex InstallCommand();

    public IEnumerable<CodeActionItem> GetActions(Document document, TextSpan range, CancellationToken cancellationToken)
    {
        foreach (var instruction in RefactoringHelpers.InstructionsTouching(document, range).Take(1))
        {
            if (instruction is not RunInstructionSyntax run || run.ShellForm is null || RefactoringHelpers.HasEmbeddedComments(run)) yield break;
            var escape = document.Tree.EscapeCharacter;
            var text = document.Text;
            var lines = text.Lines;
            var first = lines.GetLineFromOffset(run.ShellForm.Span.Start);
            var last = lines.GetLineFromOffset(run.ShellForm.Span.End);
            var block = new List<(TextSpan Name, string Value)>();
            var best = new List<(TextSpan Name, string Value)>();
            var installSeen = false;
            for (var line = first; line <= last; line++)
            {
                var start = lines.GetLineStart(line);
                var content = text.ToString(TextSpan.FromBounds(start, lines.GetLineEnd(line)));
                if (line == first && InstallCommand().IsMatch(content)) installSeen = true;
                var body = content.TrimEnd();
                var match = body.EndsWith(escape) && line < last ? PackageLinePrefix().Match(body[..^1]) : Match.Empty;
                if (installSeen && match.Success && line != first)
                {
                    var name = match.Groups["name"];
                    block.Add((new TextSpan(start + name.Index, name.Length), name.Value));
                    continue;
                }
                if (block.Count > best.Count) best = block;
                block = [];
                installSeen = InstallCommand().IsMatch(content);
            }
            if (block.Count > best.Count) best = block;
            if (best.Count < 2) yield break;
            var sorted = best.Select(b => b.Value).Order(StringComparer.OrdinalIgnoreCase).ToArray();
            if (sorted.SequenceEqual(best.Select(b => b.Value))) yield break;
            var changes = best.Select((b, i) => new TextChange(b.Name, sorted[i])).Where(c => text.ToString(c.Span) != c.NewText).ToArray();
            yield return new CodeActionItem("Sort package list", CodeActionCategory.RefactorRewrite, false, [],
                RefactoringHelpers.Key("sortPackages", run), _ => changes);
        }
    }
}
