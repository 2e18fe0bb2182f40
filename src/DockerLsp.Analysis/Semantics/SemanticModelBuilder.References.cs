using System.Collections.Immutable;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.Semantics;

internal static partial class SemanticModelBuilder
{
    /// <summary>Records <c>COPY --from</c> and <c>RUN --mount from=</c> edges of an instruction (ONBUILD triggers included).</summary>
    private static void CollectReferences(InstructionSyntax instruction, BuildStage stage, ImmutableArray<BuildStage> stages,
        ImmutableDictionary<string, VariableSymbol> scope, char escape, ImmutableArray<StageReference>.Builder references)
    {
        var target = instruction is OnBuildInstructionSyntax onBuild ? onBuild.Trigger : instruction;
        switch (target)
        {
            case CopyLikeInstructionSyntax copy when copy.GetFlag("from") is { Value: { } value } flag:
                references.Add(Resolve(StageReferenceKind.CopyFrom, instruction, stage, stages, value, flag.ValueSpan, scope, escape));
                break;
            case RunInstructionSyntax run:
                foreach (var mount in run.Mounts)
                {
                    foreach (var option in mount.GetOptions())
                    {
                        if (option.Key == "from" && option.Value is { Length: > 0 } from)
                        {
                            references.Add(Resolve(StageReferenceKind.MountFrom, instruction, stage, stages, from, option.ValueSpan, scope, escape));
                        }
                    }
                }
                break;
        }
    }

    /// <summary>
    /// Resolves a <c>--from</c> value: a stage index or name (earlier, current or later), otherwise an image. A single-word value
    /// that is no stage name is treated as an image (<c>--from=nginx</c> is legal) unless it is a near miss of a stage name.
    /// </summary>
    private static StageReference Resolve(StageReferenceKind kind, InstructionSyntax instruction, BuildStage stage, ImmutableArray<BuildStage> stages,
        string value, TextSpan span, ImmutableDictionary<string, VariableSymbol> scope, char escape)
    {
        var expanded = VariableExpansion.Expand(value, scope, escape);
        if (expanded.Contains('$'))
        {
            return new StageReference(kind, stage, instruction, expanded, span, null, null, StageReferenceProblem.Symbolic);
        }
        if (int.TryParse(expanded, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index))
        {
            var problem = index < stage.Index ? StageReferenceProblem.None : index == stage.Index ? StageReferenceProblem.Current : index < stages.Length ? StageReferenceProblem.Later : StageReferenceProblem.Unknown;
            return new StageReference(kind, stage, instruction, expanded, span, problem == StageReferenceProblem.None ? stages[index] : null, null, problem);
        }
        var lower = expanded.ToLowerInvariant();
        var named = stages.FirstOrDefault(s => s.NormalizedName == lower);
        if (named is not null)
        {
            var problem = named.Index < stage.Index ? StageReferenceProblem.None : named.Index == stage.Index ? StageReferenceProblem.Current : StageReferenceProblem.Later;
            return new StageReference(kind, stage, instruction, expanded, span, problem == StageReferenceProblem.None ? named : null, null, problem);
        }
        var isImageLike = expanded.IndexOfAny([':', '/', '@', '.']) >= 0 || !IsNearStageName(lower, stages);
        return isImageLike
            ? new StageReference(kind, stage, instruction, expanded, span, null, ImageReference.Parse(expanded), StageReferenceProblem.None)
            : new StageReference(kind, stage, instruction, expanded, span, null, null, StageReferenceProblem.Unknown);
    }

    private static bool IsNearStageName(string name, ImmutableArray<BuildStage> stages) =>
        stages.Any(s => s.NormalizedName is { } stageName && StringDistance.IsNearMiss(name, stageName));
}
