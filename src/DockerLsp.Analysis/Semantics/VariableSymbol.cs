using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.Semantics;

/// <summary>Where a variable comes from.</summary>
public enum VariableKind
{
    /// <summary>An ARG before the first FROM (usable in FROM; redeclare it in a stage to use it there).</summary>
    GlobalArg,

    /// <summary>An ARG inside a stage.</summary>
    StageArg,

    /// <summary>An ENV in the stage or inherited through <c>FROM &lt;stage&gt;</c>.</summary>
    Env,

    /// <summary>An argument BuildKit defines itself (platform args, proxy args, <c>BUILDKIT_*</c>).</summary>
    Predefined,
}

/// <summary>
/// A declared variable: name, kind, the declaring node (an <see cref="ArgDeclarationSyntax"/> or a <see cref="KeyValuePairSyntax"/>;
/// null for predefined ones), the raw value as written and the value after expansion (null when unknown, e.g. an ARG with no
/// default, or a predefined platform arg), and the stage it belongs to (null for global and predefined).
/// </summary>
public sealed record VariableSymbol(
    string Name,
    VariableKind Kind,
    SyntaxNode? Declaration,
    TextSpan NameSpan,
    string? RawValue,
    string? Value,
    BuildStage? Stage)
{
    public bool IsPredefined => Kind == VariableKind.Predefined;
}

/// <summary>The outcome of resolving a name at a position: the symbol found and its value at that point (null when unknown).</summary>
public sealed record VariableResolution(VariableSymbol Symbol, string? Value);
