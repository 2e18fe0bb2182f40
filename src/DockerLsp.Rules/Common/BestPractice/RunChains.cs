using DockerLsp.Analysis.Semantics;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// DF301's notion of RUNs that belong together: adjacent, safely joinable (<see cref="RunJoin"/>), of the same purpose, and not a
/// pair a more specific rule owns (an index refresh alone, DF312; a cleanup in its own layer, DF309). Other rules use it to keep
/// their insertions out of a chain DF301 is about to join: text inserted "before" a RUN goes before the head of its chain.
/// </summary>
internal static class RunChains
{
    public static bool IsChainable(SemanticModel model, BuildStage stage, RunInstructionSyntax first, RunInstructionSyntax second, CancellationToken cancellationToken)
    {
        if (!RunJoin.CanJoin(model, first, second, cancellationToken)) return false;
        var firstScript = model.GetShellScript(first, cancellationToken);
        var secondScript = model.GetShellScript(second, cancellationToken);
        if (IndexRefresh.IsRefreshOnly(firstScript)) return false;
        if (CleanupRuns.IsCleanupOnly(model, stage, second, cancellationToken)) return false;
        return RunPurposes.AreCompatible(RunPurposes.Of(firstScript), RunPurposes.Of(secondScript));
    }

    /// <summary>
    /// The first RUN of the chain <paramref name="instruction"/> belongs to (itself when it is not a RUN or starts its chain). Joins of
    /// DF309 and DF312 count too, since their fixes merge the same way.
    /// </summary>
    public static InstructionSyntax Head(SemanticModel model, BuildStage stage, InstructionSyntax instruction, CancellationToken cancellationToken)
    {
        var current = instruction;
        while (current is RunInstructionSyntax second && StageFacts.Previous(stage, second) is RunInstructionSyntax first && WillJoin(model, stage, first, second, cancellationToken))
        {
            current = first;
        }
        return current;
    }

    private static bool WillJoin(SemanticModel model, BuildStage stage, RunInstructionSyntax first, RunInstructionSyntax second, CancellationToken cancellationToken)
    {
        if (!RunJoin.CanJoin(model, first, second, cancellationToken)) return false;
        return IsChainable(model, stage, first, second, cancellationToken)
            || IndexRefresh.IsRefreshOnly(model.GetShellScript(first, cancellationToken))
            || CleanupRuns.IsCleanupOnly(model, stage, second, cancellationToken);
    }
}
