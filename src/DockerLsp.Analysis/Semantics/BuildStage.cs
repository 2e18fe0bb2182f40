using System.Runtime.InteropServices;
using System.Collections.Immutable;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Analysis.Semantics;

/// <summary>
/// One build stage: its 0-based index, optional name (as written and lower-cased, since BuildKit matches names
/// case-insensitively), FROM instruction, base (an external image or an earlier stage), platform flag, and the instructions it
/// contains (the FROM first). Immutable; created by <see cref="SemanticModel"/>.
/// </summary>
public sealed class BuildStage
{
    private readonly SourceFileSyntax _root;
    private readonly int _firstInstruction;
    private ImmutableArray<InstructionSyntax> _instructions;

    internal BuildStage(int index, FromInstructionSyntax from, SourceFileSyntax root, int firstInstruction, int instructionCount,
        ImageReference? baseImage, BuildStage? baseStage, string baseText)
    {
        Index = index;
        From = from;
        _root = root;
        _firstInstruction = firstInstruction;
        InstructionCount = instructionCount;
        BaseImage = baseImage;
        BaseStage = baseStage;
        BaseText = baseText;
    }

    public int Index { get; }
    public FromInstructionSyntax From { get; }

    /// <summary>The name as written after AS, or null.</summary>
    public string? Name => From.StageName;

    /// <summary>The name lower-cased (how BuildKit stores and matches it), or null.</summary>
    public string? NormalizedName => _normalizedName ??= Name?.ToLowerInvariant();

    private string? _normalizedName;
    public SyntaxToken NameToken => From.StageNameToken;

    /// <summary>The image text after expanding global ARGs (unexpanded parts kept as written).</summary>
    public string BaseText { get; }

    /// <summary>The external base image, when the stage is not based on an earlier stage.</summary>
    public ImageReference? BaseImage { get; }

    /// <summary>The earlier stage this one is built on, when <c>FROM &lt;stage&gt;</c>.</summary>
    public BuildStage? BaseStage { get; }

    /// <summary>The external image at the root of the base chain (following <c>FROM &lt;stage&gt;</c> links).</summary>
    public ImageReference? RootImage
    {
        get
        {
            var stage = this;
            while (stage.BaseStage is { } parent) stage = parent;
            return stage.BaseImage;
        }
    }

    /// <summary>
    /// True when the stage builds a Windows image, judged from the root image's name (Windows base images say so: windows,
    /// nanoserver, servercore, ltsc, or .NET Framework images). Their default shell is <c>cmd /S /C</c>, not POSIX.
    /// </summary>
    public bool IsWindows => LooksWindows(RootImage?.Original ?? RootBaseText);

    private string RootBaseText
    {
        get
        {
            var stage = this;
            while (stage.BaseStage is { } parent) stage = parent;
            return stage.BaseText;
        }
    }

    internal static bool LooksWindows(string imageText)
    {
        var text = imageText.ToLowerInvariant();
        return text.Contains("windows", StringComparison.Ordinal) || text.Contains("nanoserver", StringComparison.Ordinal)
            || text.Contains("servercore", StringComparison.Ordinal) || text.Contains("-ltsc", StringComparison.Ordinal)
            || text.Contains("dotnet/framework/", StringComparison.Ordinal);
    }

    /// <summary>The raw <c>--platform</c> value, or null.</summary>
    public string? Platform => From.Platform?.Value;

    /// <summary>
    /// The stage's top-level instructions, the FROM first. Their red nodes are created on first use (once), so that a model of
    /// a large file whose stages are mostly reused from the analysis cache never materializes them.
    /// </summary>
    public ImmutableArray<InstructionSyntax> Instructions
    {
        get
        {
            if (_instructions.IsDefault)
            {
                var instructions = new InstructionSyntax[InstructionCount];
                for (var i = 0; i < instructions.Length; i++) instructions[i] = _root.GetInstruction(_firstInstruction + i);
                ImmutableInterlocked.InterlockedInitialize(ref _instructions, ImmutableCollectionsMarshal.AsImmutableArray(instructions));
            }
            return _instructions;
        }
    }

    /// <summary>How many top-level instructions the stage has (the FROM included).</summary>
    public int InstructionCount { get; }

    /// <summary>The incremental identities of the stage's instructions (see <see cref="SyntaxNode.IncrementalIdentity"/>), without red nodes.</summary>
    internal object[] GetInstructionIdentities() => _root.GetInstructionIdentities(_firstInstruction, InstructionCount);

    /// <summary>From the FROM keyword to the end of the stage's last instruction.</summary>
    public TextSpan Span => TextSpan.FromBounds(From.Span.Start, Instructions[^1].Span.End);

    /// <summary>The stage's display name: its name, or its index.</summary>
    public string DisplayName => Name ?? Index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString() => $"stage {DisplayName}";
}

/// <summary>How one stage refers to another stage or an image.</summary>
public enum StageReferenceKind
{
    /// <summary><c>FROM &lt;stage or image&gt;</c>.</summary>
    FromBase,

    /// <summary><c>COPY --from=&lt;stage, index or image&gt;</c> (also ADD, which BuildKit rejects, and ONBUILD COPY).</summary>
    CopyFrom,

    /// <summary><c>RUN --mount=...,from=&lt;stage or image&gt;</c>.</summary>
    MountFrom,
}

/// <summary>
/// An edge of the stage graph: which instruction (in which stage) names what, with the span of the name in the source, and what
/// it resolved to: an earlier stage (<see cref="Target"/>), an external image (<see cref="Image"/>), or neither (unknown,
/// later or current stage; <see cref="Problem"/> says which).
/// </summary>
public sealed record StageReference(
    StageReferenceKind Kind,
    BuildStage Source,
    InstructionSyntax Instruction,
    string Text,
    TextSpan Span,
    BuildStage? Target,
    ImageReference? Image,
    StageReferenceProblem Problem);

/// <summary>Why a stage reference does not resolve to an earlier stage or image.</summary>
public enum StageReferenceProblem
{
    None,

    /// <summary>No stage has this name (and it does not look like an image).</summary>
    Unknown,

    /// <summary>The named stage is defined later in the file.</summary>
    Later,

    /// <summary>The instruction refers to the stage it is in.</summary>
    Current,

    /// <summary>The value contains variables that could not be resolved.</summary>
    Symbolic,
}
