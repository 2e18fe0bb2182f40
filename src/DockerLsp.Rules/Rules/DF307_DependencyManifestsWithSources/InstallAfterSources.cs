using DockerLsp.Analysis;
using DockerLsp.Analysis.Semantics;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF307_DependencyManifestsWithSources;

/// <summary>
/// A dependency install that runs after <c>COPY . &lt;dst&gt;</c> in the same directory tree (DF307), with what the fix needs: the
/// manifests to copy first (context-relative, null when unknown), those an earlier COPY already brought in, the RUN text to move
/// (the whole RUN, or its leading install commands when later commands build from the sources) and whether moving is safe.
/// </summary>
internal sealed record InstallAfterSources(
    DependencyInstall Install,
    CopyFacts BroadCopy,
    RunInstructionSyntax Run,
    IReadOnlyList<string>? ManifestsToCopy,
    IReadOnlyList<Analysis.Shell.ShellCommand> MovedCommands,
    bool MovesWholeRun,
    bool IsFixable)
{
    public static IEnumerable<InstallAfterSources> Find(DockerfileDocument document, SemanticModel model, BuildStage stage, CancellationToken cancellationToken)
    {
        CopyFacts? broad = null;
        var broadIndex = -1;
        var onlyMetadataBetween = true;
        for (var i = 1; i < stage.Instructions.Length; i++)
        {
            var instruction = stage.Instructions[i];
            if (broad is null)
            {
                if (instruction is CopyLikeInstructionSyntax copy && CopyFacts.Of(model, copy) is { CopiesWholeContext: true } facts)
                {
                    broad = facts;
                    broadIndex = i;
                }
                continue;
            }
            if (instruction is not RunInstructionSyntax run)
            {
                if (!IsMetadata(instruction)) onlyMetadataBetween = false;
                continue;
            }
            var script = model.GetShellScript(run, cancellationToken);
            var workdir = ContainerPaths.Normalize(model.GetBuildState(run).Workdir ?? "/");
            foreach (var invocation in CommandInvocation.All(script))
            {
                if (DependencyInstalls.Recognize(invocation) is not { } install) continue;
                if (!ReadsCopiedTree(install, workdir, broad.ResolvedDestination)) continue;
                yield return Create(document, model, stage, broad, broadIndex, run, script, install, workdir, onlyMetadataBetween);
                break;
            }
            onlyMetadataBetween = false;
        }
    }

    private static InstallAfterSources Create(DockerfileDocument document, SemanticModel model, BuildStage stage, CopyFacts broad, int broadIndex, RunInstructionSyntax run, Analysis.Shell.ShellScript script, DependencyInstall install, string workdir, bool onlyMetadataBetween)
    {
        var inDestination = workdir == broad.ResolvedDestination;
        var manifests = install.ManifestsToCopy(document.BuildContext);
        if (manifests is not null && install.Ecosystem == DependencyEcosystem.Pip)
        {
            // Requirement files are relative to the RUN's directory; make them relative to the copy's destination (= context root).
            manifests = manifests.Select(m => ContainerPaths.Resolve(m, workdir)).Select(m => Relative(m, broad.ResolvedDestination)).ToList()!;
            if (manifests.Any(m => m is null)) manifests = null;
        }
        else if (!inDestination)
        {
            manifests = null;
        }
        if (manifests is not null) manifests = manifests.Where(m => !CopiedBefore(model, stage, broadIndex, ContainerPaths.Resolve(m, broad.ResolvedDestination))).ToList();

        var topLevel = script.Commands.Where(c => c.Depth == 0 && !c.Words.IsEmpty).ToList();
        var installIndex = topLevel.IndexOf(install.Invocation.Command);
        var leading = installIndex >= 0 ? topLevel.Take(installIndex + 1).ToList() : [];
        var wholeRun = topLevel.All(c => IsInstallStep(c));
        var movable = wholeRun ? topLevel : leading.All(c => IsInstallStep(c)) && RunJoin.IsSingleAndList(script) && installIndex >= 0 ? leading : [];
        var fixable = manifests is not null && onlyMetadataBetween && movable.Count > 0 && run.ShellForm is not null && !run.Heredocs.Any()
            && SameState(model, broad.Instruction, run);
        return new InstallAfterSources(install, broad, run, manifests, movable, wholeRun, fixable);
    }

    /// <summary>True when the install reads files from the tree the broad COPY created.</summary>
    private static bool ReadsCopiedTree(DependencyInstall install, string workdir, string destination)
    {
        if (install.Ecosystem == DependencyEcosystem.Pip) return install.ExplicitFiles.All(f => ContainerPaths.IsSameOrUnder(ContainerPaths.Resolve(f, workdir), destination));
        return ContainerPaths.IsSameOrUnder(workdir, destination);
    }

    /// <summary>Commands that may move with the install: package-manager commands and installs (not builds, not scripts).</summary>
    private static bool IsInstallStep(Analysis.Shell.ShellCommand command) =>
        CommandInvocation.Of(command) is { } invocation
        && (DependencyInstalls.Recognize(invocation) is not null
            || (PackageManagers.Classify(invocation) is { } package && !package.IsSystemManager && package.Action is not PackageAction.Other && package.Packages.All(p => !p.Value.StartsWith('.') && !p.Value.Contains('/')))
            || invocation.Name is "npm" or "yarn" or "pnpm" or "pip" && invocation.Subcommand()?.Value is "config" or "set");

    private static bool SameState(SemanticModel model, InstructionSyntax first, InstructionSyntax second)
    {
        var a = model.GetBuildState(first);
        var b = model.GetBuildState(second);
        return a.User == b.User && a.Workdir == b.Workdir && a.Shell.SequenceEqual(b.Shell);
    }

    private static bool IsMetadata(InstructionSyntax instruction) =>
        instruction is ExposeInstructionSyntax or CmdInstructionSyntax or EntrypointInstructionSyntax or StopSignalInstructionSyntax or HealthcheckInstructionSyntax or LabelInstructionSyntax or MaintainerInstructionSyntax;

    private static bool CopiedBefore(SemanticModel model, BuildStage stage, int beforeIndex, string path)
    {
        for (var i = 1; i < beforeIndex; i++)
        {
            if (stage.Instructions[i] is not CopyLikeInstructionSyntax copy || CopyFacts.Of(model, copy) is not { IsFromContext: true } facts) continue;
            if (facts.Sources.Any(s => !ContainerPaths.HasWildcards(s) && facts.TargetOf(s) == path)) return true;
            if (facts.Sources.Any(s => ContainerPaths.HasWildcards(s) && GlobMatches(s, ContainerPaths.FileName(path)) && facts.ResolvedDestination == ContainerPaths.Normalize(path[..path.LastIndexOf('/')] is { Length: > 0 } d ? d : "/"))) return true;
        }
        return false;
    }

    private static bool GlobMatches(string pattern, string name) => DockerIgnore.PatternMatches(ContainerPaths.FileName(pattern), name);

    private static string? Relative(string path, string directory)
    {
        if (!ContainerPaths.IsSameOrUnder(path, directory) || path == directory) return null;
        return directory == "/" ? path[1..] : path[(directory.Length + 1)..];
    }
}
