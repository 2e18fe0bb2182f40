using System.Collections.Immutable;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.Suppression;

/// <summary>Which tool's syntax a suppression comment uses; it decides which codes it can name.</summary>
public enum PragmaSyntax
{
    /// <summary><c># dockerlsp ignore=DF201,DF203</c> or <c># dockerlsp global ignore=...</c>.</summary>
    DockerLsp,

    /// <summary><c># hadolint ignore=DL3025</c>, <c># hadolint global ignore=...</c>.</summary>
    Hadolint,

    /// <summary>The <c># check=skip=Rule,...|all</c> parser directive of BuildKit (always file-wide).</summary>
    BuildKitCheck,
}

/// <summary>
/// One parsed suppression comment: its syntax, scope, the codes it names (as written; <see cref="All"/> for BuildKit's
/// <c>skip=all</c>), the span of the whole comment and of its code list (for merging edits), and for instruction scope the span
/// of the instruction it covers.
/// </summary>
public sealed record SuppressionPragma(
    PragmaSyntax Syntax,
    SuppressionScope Scope,
    ImmutableArray<string> Codes,
    bool All,
    TextSpan CommentSpan,
    TextSpan CodeListSpan,
    TextSpan? InstructionSpan);
