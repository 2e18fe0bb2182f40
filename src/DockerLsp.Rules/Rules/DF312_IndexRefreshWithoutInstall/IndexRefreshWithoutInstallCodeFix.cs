using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Analysis.Semantics;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF312_IndexRefreshWithoutInstall;

/// <summary>
/// Fixes DF312 by merging the refresh into the next RUN of the stage that uses the same package manager: joined with <c>&amp;&amp;</c>
/// when that RUN comes right after (the very edit DF301 makes, so fix-all applies it once), otherwise the refresh RUN is removed and
/// its command prepended to the installing RUN. An <c>apk update</c> before <c>apk add --no-cache</c> is simply removed: that flag
/// fetches a fresh index and leaves none behind. Not offered when no later RUN installs.
/// </summary>
public sealed class IndexRefreshWithoutInstallCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [IndexRefreshWithoutInstallAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        if (Fix(context.Document, context.Diagnostic, context.CancellationToken) is not { } changes) return;
        context.RegisterCodeFix(CodeAction.Create(
            "Refresh the index in the RUN that installs",
            _ => changes,
            IndexRefreshWithoutInstallAnalyzer.Descriptor.Id,
            isPreferred: true));
    }

    private static DocumentChanges? Fix(DockerfileDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var model = document.GetSemanticModel(cancellationToken);
        if (document.SyntaxTree.Root.FindInstruction(diagnostic.Span.Start) is not RunInstructionSyntax refresh || model.GetStage(refresh) is not { } stage) return null;
        var refreshScript = model.GetShellScript(refresh, cancellationToken);
        if (!IndexRefresh.IsRefreshOnly(refreshScript) || refresh.ShellForm is null || refresh.Heredocs.Any()) return null;
        var managers = PackageManagers.In(refreshScript).Select(c => c.Manager).ToHashSet();
        if (NextUser(model, stage, refresh, managers, cancellationToken) is not { } install) return null;
        var text = document.Text;
        var installScript = model.GetShellScript(install, cancellationToken);
        var installs = PackageManagers.In(installScript).Where(c => managers.Contains(c.Manager) && c.Installs).ToList();
        if (installs.Count == 0) return null;

        if (managers.SetEquals([PackageManager.Apk]) && installs.All(c => c.Invocation.HasFlag("--no-cache")))
        {
            return DocumentChanges.FromTextChanges(TextChange.Delete(InstructionBlocks.BlockSpan(text, refresh)));
        }
        if (StageFacts.Next(stage, refresh) == install && RunJoin.CanJoin(model, refresh, install, cancellationToken))
        {
            return DocumentChanges.FromTextChanges(RunJoin.Join(text, DockerfileStyle.Of(document.SyntaxTree), refresh, install));
        }
        if (install.ShellForm is null || install.Heredocs.Any() || !RunJoin.IsSingleAndList(installScript)) return null;
        var style = DockerfileStyle.Of(document.SyntaxTree);
        var first = installScript.Commands.First(c => c.Depth == 0 && !(c.Words.IsEmpty && c.Assignments.IsEmpty));
        var lines = text.Lines;
        var multiLine = lines.GetLineFromOffset(install.Span.Start) != lines.GetLineFromOffset(install.Span.End);
        var refreshText = text.ToString(TextSpan.FromBounds(refresh.ShellForm.Span.Start, refresh.ShellForm.Span.End));
        var prefix = refreshText + (multiLine ? style.ChainOnNewLine() : " && ");
        return DocumentChanges.FromTextChanges(
            TextChange.Delete(InstructionBlocks.BlockSpan(text, refresh)),
            TextChange.Insert(ScriptEdits.Extent(first).Start, prefix));
    }

    /// <summary>The next RUN of the stage that uses one of <paramref name="managers"/>.</summary>
    private static RunInstructionSyntax? NextUser(SemanticModel model, BuildStage stage, RunInstructionSyntax refresh, IReadOnlySet<PackageManager> managers, CancellationToken cancellationToken)
    {
        foreach (var run in stage.Instructions.OfType<RunInstructionSyntax>())
        {
            if (run.Span.Start <= refresh.Span.Start) continue;
            if (PackageManagers.In(model.GetShellScript(run, cancellationToken)).Any(c => managers.Contains(c.Manager))) return run;
        }
        return null;
    }
}
