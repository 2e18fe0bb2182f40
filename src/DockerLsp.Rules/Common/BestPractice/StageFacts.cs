using DockerLsp.Analysis.Semantics;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>Stage-level questions shared by the best-practice rules.</summary>
internal static class StageFacts
{
    /// <summary>
    /// True when <paramref name="stage"/>'s layers end up in the image <c>docker build</c> produces: it is the final stage or one the
    /// final stage is built on (<c>FROM &lt;stage&gt;</c>). Builder stages that are only copied from are discarded, so layer size does
    /// not matter there. Reads only FROM lines, so stage-scoped callbacks may ask it.
    /// </summary>
    public static bool Ships(SemanticModel model, BuildStage stage)
    {
        for (var current = model.FinalStage; current is not null; current = current.BaseStage)
        {
            if (current == stage) return true;
        }
        return false;
    }

    /// <summary>The distinct stages holding <paramref name="positions"/>, in document order (for fixes that work stage by stage).</summary>
    public static IReadOnlyList<BuildStage> StagesAt(SemanticModel model, IEnumerable<int> positions) =>
        positions.Select(model.GetStageAt).OfType<BuildStage>().Distinct().OrderBy(s => s.Index).ToList();

    /// <summary>RUN, COPY and ADD: the instructions that create filesystem layers and are cached.</summary>
    public static bool IsBuildStep(InstructionSyntax instruction) => instruction is RunInstructionSyntax or CopyLikeInstructionSyntax;

    /// <summary>The top-level instruction before <paramref name="instruction"/> in its stage (null for the FROM).</summary>
    public static InstructionSyntax? Previous(BuildStage stage, InstructionSyntax instruction)
    {
        var index = IndexOf(stage, instruction);
        return index > 0 ? stage.Instructions[index - 1] : null;
    }

    public static InstructionSyntax? Next(BuildStage stage, InstructionSyntax instruction)
    {
        var index = IndexOf(stage, instruction);
        return index >= 0 && index + 1 < stage.Instructions.Length ? stage.Instructions[index + 1] : null;
    }

    /// <summary>
    /// The index of <paramref name="instruction"/> among <paramref name="stage"/>'s top-level instructions, or -1. A binary search on
    /// the instructions' positions (they are in document order and do not overlap): rules ask this for every instruction, and a
    /// linear scan made a 75,000-instruction stage quadratic (a 5 MB file took minutes).
    /// </summary>
    public static int IndexOf(BuildStage stage, InstructionSyntax instruction)
    {
        var instructions = stage.Instructions;
        int low = 0, high = instructions.Length - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var position = instructions[middle].Position;
            if (position == instruction.Position) return middle;
            if (position < instruction.Position) low = middle + 1;
            else high = middle - 1;
        }
        return -1;
    }
}
