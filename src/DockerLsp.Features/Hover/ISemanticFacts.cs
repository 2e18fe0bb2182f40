using DockerLsp.Features.Workspace;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.Hover;

/// <summary>
/// The semantic questions hover asks: which variable a name refers to at an instruction, and which stages exist.
/// The seam lets the analysis engine's semantic model answer; <see cref="ScanningSemanticFacts"/> answers from a plain
/// scan of the instructions when the engine is absent. Implementations are thread-safe and do no IO.
/// </summary>
public interface ISemanticFacts
{
    /// <summary>The variable <paramref name="name"/> as seen by <paramref name="at"/>, or null when it is not declared there.</summary>
    VariableInfo? ResolveVariable(Document document, InstructionSyntax at, string name, CancellationToken cancellationToken);

    /// <summary>The document's build stages in order.</summary>
    IReadOnlyList<StageInfo> GetStages(Document document, CancellationToken cancellationToken);
}

/// <summary>A variable's value at one point (null when it has no value there) and where it was declared (null for predefined ones).</summary>
public sealed record VariableInfo(string Name, string? Value, VariableOrigin Origin, TextSpan? DeclarationSpan);

/// <summary>Where a variable comes from.</summary>
public enum VariableOrigin
{
    /// <summary>An ARG before the first FROM: visible to FROM lines, and to stages that re-declare it.</summary>
    GlobalArg,
    /// <summary>An ARG inside the current stage.</summary>
    Arg,
    /// <summary>An ENV inside the current stage.</summary>
    Env,
    /// <summary>Provided by BuildKit (platform and proxy arguments).</summary>
    Predefined,
}

/// <summary>One build stage: its index, optional name, base image text and where its FROM is.</summary>
public sealed record StageInfo(int Index, string? Name, string BaseImage, TextSpan FromSpan, TextSpan? NameSpan);
