using DockerLsp.Analysis.Semantics;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// A COPY of one local tar archive followed, in the same stage, by a RUN that extracts it with options ADD reproduces (DF305), and
/// whether the rewrite to <c>ADD archive dir/</c> is safe: the RUN is the next build step, runs as root, extracts into a known
/// directory, and holds nothing else about the archive than the extraction and its removal. DF313 leaves such copies to DF305.
/// </summary>
internal sealed record CopiedArchiveExtraction(CopyFacts Copy, string Source, string ArchivePath, RunInstructionSyntax Run, TarExtraction Tar, string? ExtractDirectory, IReadOnlyList<CommandInvocation> Removals, bool IsFixable)
{
    public static CopiedArchiveExtraction? Find(SemanticModel model, BuildStage stage, CopyLikeInstructionSyntax instruction, CancellationToken cancellationToken)
    {
        if (instruction is not CopyInstructionSyntax || CopyFacts.Of(model, instruction) is not { IsFromContext: true, HasHeredocSources: false } copy) return null;
        if (copy.Sources.Count != 1 || !Archives.IsTarArchive(copy.Sources[0]) || ContainerPaths.HasWildcards(copy.Sources[0]) || copy.Sources[0].Contains('$')) return null;
        var archivePath = copy.TargetOf(copy.Sources[0]);
        var index = StageFacts.IndexOf(stage, instruction);
        var isNextStep = true;
        for (var i = index + 1; i < stage.Instructions.Length; i++)
        {
            var next = stage.Instructions[i];
            if (next is not RunInstructionSyntax run)
            {
                if (StageFacts.IsBuildStep(next) || next is UserInstructionSyntax) isNextStep = false;
                continue;
            }
            var script = model.GetShellScript(run, cancellationToken);
            var workdir = model.GetBuildState(run).Workdir;
            var invocations = CommandInvocation.All(script).ToList();
            var tar = invocations.Select(TarExtraction.Of).FirstOrDefault(t => t is not null && ContainerPaths.Resolve(t.Archive, workdir) == archivePath);
            if (tar is null)
            {
                isNextStep = false;
                continue;
            }
            if (!tar.IsAddEquivalent) return null;
            var changesDirectory = script.Commands.Any(c => c.Depth == 0 && c.Name is "cd" or "pushd" && c.Index < tar.Invocation.Command.Index);
            var directory = tar.Directory is { } d ? (d.Contains('$') ? null : ContainerPaths.Resolve(d, workdir)) : changesDirectory ? null : ContainerPaths.Normalize(workdir ?? "/");
            var removals = invocations.Where(v => v.Name == "rm" && v.Positionals().Any() && v.Positionals().All(p => ContainerPaths.Resolve(p.Value, workdir) == archivePath)).ToList();
            var mentionedElsewhere = invocations.Any(v => v != tar.Invocation && !removals.Contains(v) && v.Arguments.Any(a => ContainerPaths.Resolve(a.Value, workdir) == archivePath));
            var fixable = isNextStep && directory is not null && !mentionedElsewhere && tar.Invocation.Command.Depth == 0
                && model.GetBuildState(run).IsRoot && copy.Instruction.Flags.All(f => f.Name is "link")
                && copy.Instruction.ExecForm is null;
            return new CopiedArchiveExtraction(copy, copy.Sources[0], archivePath, run, tar, directory, removals, fixable);
        }
        return null;
    }
}
