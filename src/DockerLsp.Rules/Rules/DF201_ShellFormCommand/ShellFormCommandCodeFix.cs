using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Analysis.Shell;
using DockerLsp.Rules.Common;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF201_ShellFormCommand;

/// <summary>
/// Fixes DF201: a command without shell syntax becomes a JSON array of its words (<c>CMD ["nginx", "-g", "daemon off;"]</c>);
/// otherwise <c>exec </c> is inserted before the last top-level command when that command is a plain one joined by
/// <c>&amp;&amp;</c>, <c>;</c> or a newline (not piped, not in the background), so the process replaces the shell.
/// </summary>
public sealed class ShellFormCommandCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [ShellFormCommandAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        var root = context.Document.SyntaxTree.Root;
        var instruction = root.FindToken(context.Diagnostic.Span.Start).Parent?.Ancestors(includeSelf: true).OfType<CommandInstructionSyntax>().FirstOrDefault();
        if (instruction?.ShellForm is not { } shellForm) return;
        var script = context.Document.GetSemanticModel(context.CancellationToken).GetShellScript(instruction, context.CancellationToken);
        if (!ShellFacts.NeedsShell(script))
        {
            var words = script.Commands[0].Words.Select(w => w.Value).ToArray();
            var json = ShellFacts.JsonArray(words);
            context.RegisterCodeFix(CodeAction.Create(
                $"Convert to exec form: {instruction.KeywordText} {json}",
                _ => DocumentChanges.FromTextChanges(new TextChange(shellForm.Span, json)),
                ShellFormCommandAnalyzer.Descriptor.Id,
                isPreferred: true));
            return;
        }

        if (ShellFacts.HasCompoundCommands(script)) return;
        var last = ShellFacts.LastTopLevelCommand(script);
        if (last is null || last.Words.IsEmpty || !last.Assignments.IsEmpty || last.IsInPipeline || last.FollowingOperator == ShellOperator.Background) return;
        if (last.PrecedingOperator is ShellOperator.Or) return;
        if (script.Commands.Any(c => c.Depth == 0 && c.Index > last.Index)) return;
        var position = last.Words[0].Span.Start;
        context.RegisterCodeFix(CodeAction.Create(
            $"Prefix '{last.Name}' with 'exec'",
            _ => DocumentChanges.FromTextChanges(TextChange.Insert(position, "exec ")),
            ShellFormCommandAnalyzer.Descriptor.Id + ".exec",
            isPreferred: true));
    }
}
