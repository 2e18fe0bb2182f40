using DockerLsp.Analysis.Semantics;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>Stage-level questions shared by the best-practice rules.</summary>
internal static class StageFacts
{
    /// <summary>
    /// The stages whose layers end up in the image <c>docker build</c> produces: the final stage and the stages it is built on
    /// (<c>FROM &lt;stage&gt;</c>). Builder stages that are only copied from are discarded, so layer size does not matter there.
    /// </summary>
    public static IReadOnlySet<BuildStage> ShippingStages(SemanticModel model)
    {
        var result = new HashSet<BuildStage>();
        for (var stage = model.FinalStage; stage is not null; stage = stage.BaseStage) result.Add(stage);
        return result;
    }

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

    public static int IndexOf(BuildStage stage, InstructionSyntax instruction)
    {
        for (var i = 0; i < stage.Instructions.Length; i++)
        {
            if (stage.Instructions[i].Span.Start == instruction.Span.Start) return i;
        }
        return -1;
    }
}
