using DockerLsp.Analysis.Semantics;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Common.BestPractice;

/// <summary>
/// What a COPY or ADD does, in container terms: whether it reads the build context (no <c>--from</c>), its sources as written
/// (variables expanded where known), the destination as written and resolved against the WORKDIR in effect, and whether it copies
/// the whole context (<c>.</c> or <c>./</c> as a source).
/// </summary>
internal sealed class CopyFacts
{
    private CopyFacts(CopyLikeInstructionSyntax instruction, IReadOnlyList<string> sources, string destination, string resolvedDestination, string? workdir)
    {
        Instruction = instruction;
        Sources = sources;
        Destination = destination;
        ResolvedDestination = resolvedDestination;
        Workdir = workdir;
    }

    public CopyLikeInstructionSyntax Instruction { get; }
    public IReadOnlyList<string> Sources { get; }
    public string Destination { get; }

    /// <summary>The absolute, normalised destination.</summary>
    public string ResolvedDestination { get; }
    public string? Workdir { get; }

    public bool IsFromContext => Instruction.GetFlag("from") is null;
    public bool HasHeredocSources => Instruction.Heredocs.Any();

    /// <summary>True when the destination names a directory: it ends with '/', is '.', or there are several sources.</summary>
    public bool DestinationIsDirectory => Destination.EndsWith('/') || Destination is "." or ".." || Sources.Count > 1 || Sources.Any(ContainerPaths.HasWildcards);

    /// <summary>True when a source is the context root (<c>.</c>, <c>./</c>, <c>/</c>).</summary>
    public bool CopiesWholeContext => IsFromContext && !HasHeredocSources && Sources.Any(s => ContainerPaths.Normalize(s) is "." or "/");

    /// <summary>Where a single source file ends up in the container.</summary>
    public string TargetOf(string source) => DestinationIsDirectory ? ContainerPaths.Normalize(ResolvedDestination + "/" + ContainerPaths.FileName(source)) : ResolvedDestination;

    public static CopyFacts? Of(SemanticModel model, CopyLikeInstructionSyntax instruction)
    {
        var values = instruction.ArgumentValues;
        if (values.Count < 2 && !instruction.Heredocs.Any()) return null;
        var expanded = values.Select(v => model.Expand(v, instruction)).ToArray();
        var destination = expanded[^1];
        var workdir = model.GetBuildState(instruction).Workdir;
        return new CopyFacts(instruction, expanded[..^1], destination, ContainerPaths.Resolve(destination, workdir), workdir);
    }
}
