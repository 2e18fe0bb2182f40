using DockerLsp.Analysis.Semantics;
using DockerLsp.Analysis.Shell;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF316_RecursiveOwnershipChange;

/// <summary>
/// A recursive <c>chown</c>/<c>chmod</c> over files an earlier COPY/ADD of the stage put there (DF316), and what the fix needs: the
/// COPY instructions that fill the path, the flag to give them (<c>--chown=user:group</c> or <c>--chmod=mode</c>) and the recursive
/// flag token to drop. Fixable when there is one path, the mode is octal, the COPYs carry no other value for the flag, and no RUN
/// between the first such COPY and this one writes into the path (those files would lose the ownership change).
/// </summary>
internal sealed record RecursiveOwnershipChange(RunInstructionSyntax Run, CommandInvocation Command, string Path, string Flag, IReadOnlyList<CopyLikeInstructionSyntax> Copies, ShellToken? RecursiveToken, bool IsFixable)
{
    public static IEnumerable<RecursiveOwnershipChange> Find(SemanticModel model, BuildStage stage, CancellationToken cancellationToken)
    {
        foreach (var run in stage.Instructions.OfType<RunInstructionSyntax>())
        {
            var script = model.GetShellScript(run, cancellationToken);
            var workdir = model.GetBuildState(run).Workdir;
            foreach (var invocation in CommandInvocation.All(script))
            {
                if (invocation.Name is not ("chown" or "chmod") || !invocation.HasFlag("-R", "--recursive")) continue;
                var positionals = invocation.Positionals();
                if (positionals.Length < 2) continue;
                var value = positionals[0].Value;
                var paths = positionals.Skip(1).Select(p => ContainerPaths.Resolve(p.Value, workdir)).ToList();
                var copies = CopiesInto(model, stage, run, paths);
                if (copies.Count == 0) continue;
                var flagName = invocation.Name == "chown" ? "chown" : "chmod";
                var fixable = paths.Count == 1 && invocation.Command.Depth == 0 && !invocation.Command.IsInPipeline
                    && (flagName == "chown" || value.All(char.IsAsciiDigit))
                    && copies.All(c => c.GetFlag(flagName) is null && c.ExecForm is null)
                    && !RunsWriteInto(model, stage, copies[0], run, paths[0], cancellationToken);
                var recursive = invocation.Arguments.FirstOrDefault(a => a.Value is "-R" or "--recursive" || (a.Value.StartsWith('-') && !a.Value.StartsWith("--", StringComparison.Ordinal) && a.Value.Contains('R')));
                yield return new RecursiveOwnershipChange(run, invocation, paths[0], "--" + flagName + "=" + value, copies, recursive, fixable && recursive is not null);
            }
        }
    }

    /// <summary>COPY/ADD instructions of the stage before <paramref name="run"/> whose destination lies in one of <paramref name="paths"/>.</summary>
    private static List<CopyLikeInstructionSyntax> CopiesInto(SemanticModel model, BuildStage stage, RunInstructionSyntax run, List<string> paths)
    {
        var result = new List<CopyLikeInstructionSyntax>();
        foreach (var copy in stage.Instructions.OfType<CopyLikeInstructionSyntax>())
        {
            if (copy.Span.Start >= run.Span.Start) break;
            if (CopyFacts.Of(model, copy) is not { } facts) continue;
            if (paths.Any(p => ContainerPaths.IsSameOrUnder(facts.ResolvedDestination, p) && p != "/")) result.Add(copy);
        }
        return result;
    }

    /// <summary>True when a RUN between the COPY and the chown may write into the path (its directory is there, or it names it).</summary>
    private static bool RunsWriteInto(SemanticModel model, BuildStage stage, InstructionSyntax from, RunInstructionSyntax to, string path, CancellationToken cancellationToken)
    {
        foreach (var run in stage.Instructions.OfType<RunInstructionSyntax>())
        {
            if (run.Span.Start <= from.Span.Start || run.Span.Start >= to.Span.Start) continue;
            var workdir = model.GetBuildState(run).Workdir;
            if (workdir is not null && ContainerPaths.IsSameOrUnder(ContainerPaths.Normalize(workdir), path)) return true;
            if (model.GetShellScript(run, cancellationToken).Tokens.Any(t => t.Kind == ShellTokenKind.Word && t.Value.StartsWith('/') && ContainerPaths.IsSameOrUnder(ContainerPaths.Normalize(t.Value), path))) return true;
        }
        return false;
    }
}
