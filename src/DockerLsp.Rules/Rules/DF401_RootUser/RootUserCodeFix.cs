using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Analysis.Semantics;
using DockerLsp.Rules.Common;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF401_RootUser;

/// <summary>
/// Fixes DF401 by inserting <c>USER &lt;name&gt;</c> before the final stage's CMD/ENTRYPOINT (after its last USER), or at the end of
/// the stage. The user is one the Dockerfile creates (<c>useradd</c>/<c>adduser</c> in the stage or its parents), else a non-root
/// user set earlier, else UID 65532 when the image starts from scratch or distroless (no user database needed). Otherwise
/// there is no safe choice and no fix is offered (the doc page explains what to do).
/// </summary>
public sealed class RootUserCodeFix : CodeFixProvider
{
    private static readonly HashSet<string> s_useraddValueFlags = new(StringComparer.Ordinal) { "-u", "--uid", "-g", "--gid", "-G", "--groups", "-d", "--home", "--home-dir", "-s", "--shell", "-c", "--comment", "-k", "--skel", "-e", "--expiredate", "-f", "--inactive", "-K", "--key", "-p", "--password", "-R", "--root", "-b", "--base-dir", "-h", "--gecos", "--ingroup", "--firstuid", "--lastuid" };

    public override ImmutableArray<string> FixableDiagnosticIds => [RootUserAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        var document = context.Document;
        var model = document.GetSemanticModel(context.CancellationToken);
        if (model.FinalStage is not { } stage) return;
        var user = ChooseUser(model, stage, context.CancellationToken);
        if (user is null) return;
        var lastUser = stage.Instructions.OfType<UserInstructionSyntax>().LastOrDefault();
        var anchor = stage.Instructions
            .Where(i => i is CmdInstructionSyntax or EntrypointInstructionSyntax && (lastUser is null || i.Span.Start > lastUser.Span.Start))
            .FirstOrDefault();
        var newline = SyntaxHelpers.Newline(document.Text);
        var keyword = SyntaxHelpers.CaseLike("USER", stage.From.Keyword.Text);
        TextChange change;
        if (anchor is not null)
        {
            var lineStart = document.Text.Lines.GetLineStart(document.Text.Lines.GetLineFromOffset(anchor.Span.Start));
            change = TextChange.Insert(lineStart, SyntaxHelpers.IndentationAt(document.Text, anchor.Span.Start) + keyword + " " + user + newline);
        }
        else
        {
            var end = stage.Instructions[^1].FullSpan.End;
            var needsBreak = end == 0 || document.Text[end - 1] != '\n';
            change = TextChange.Insert(end, (needsBreak ? newline : string.Empty) + keyword + " " + user + newline);
        }
        context.RegisterCodeFix(CodeAction.Create(
            $"Run as '{user}' (insert USER {user})",
            _ => DocumentChanges.FromTextChanges(change),
            RootUserAnalyzer.Descriptor.Id,
            isPreferred: true));
    }

    private static string? ChooseUser(SemanticModel model, BuildStage stage, CancellationToken cancellationToken)
    {
        var chain = new List<BuildStage>();
        for (var s = stage; s is not null; s = s.BaseStage) chain.Insert(0, s);
        string? created = null;
        string? earlierNonRoot = null;
        foreach (var instruction in chain.SelectMany(s => s.Instructions))
        {
            if (instruction is UserInstructionSyntax user && !BuildState.IsRootUser(user.Value) && !user.Value.Contains('$')) earlierNonRoot = user.Value.Trim();
            if (instruction is not RunInstructionSyntax run) continue;
            foreach (var command in model.GetShellScript(run, cancellationToken).Commands)
            {
                var positional = command.GetPositionalArguments(s_useraddValueFlags);
                if (positional.IsEmpty || positional.Any(p => p.HasExpansion)) continue;
                if (command.Name == "useradd") created = positional[^1].Value;
                else if (command.Name == "adduser") created = positional[0].Value;
            }
        }
        if (created is not null && created != "root") return created;
        if (earlierNonRoot is not null) return earlierNonRoot;
        var root = stage.RootImage;
        if (root is { IsScratch: true } || root?.Original.Contains("distroless", StringComparison.OrdinalIgnoreCase) == true) return "65532";
        return null;
    }
}
