using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;

namespace DockerLsp.Rules.Rules.DF205_InvalidStageName;

/// <summary>
/// DF205: a stage name that is a duplicate of an earlier one, reserved (<c>scratch</c>, <c>context</c>), not lowercase, or made of
/// characters BuildKit rejects (it requires <c>[a-z][a-z0-9-_.]*</c> after lower-casing). Reported on the name. The <c>kind</c>
/// property (<c>casing</c>, <c>duplicate</c>, <c>reserved</c>, <c>invalid</c>) tells the fix what it may do.
/// </summary>
public sealed class InvalidStageNameAnalyzer : DiagnosticAnalyzer
{
    public const string KindProperty = "kind";

    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF205",
        "Invalid stage name",
        "{0}",
        DiagnosticCategory.Correctness,
        DiagnosticSeverity.Warning,
        hadolintIds: ["DL3024", "DL3063"],
        buildKitNames: ["DuplicateStageName", "ReservedStageName", "StageNameCasing"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    /// <summary>
    /// Checks the name of one stage. Duplicates are found by comparing with the names of earlier stages, which come from their
    /// FROM lines (readable by a stage-scoped action); the finding is reported on this stage's name only.
    /// </summary>
    private static void Analyze(StageAnalysisContext context)
    {
        var stage = context.Stage;
        if (stage.Name is not { } name) return;
        var lower = stage.NormalizedName!;
        var span = stage.NameToken.Span;
        var stages = context.SemanticModel.Stages;
        for (var i = 0; i < stage.Index; i++)
        {
            if (stages[i].NormalizedName != lower) continue;
            // The related location lies in another stage's FROM; the driver then simply does not cache this stage's findings.
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, span, [new RelatedLocation(stages[i].NameToken.Span, "the first stage with this name")],
                Kind("duplicate"), DiagnosticTags.None, $"Stage name '{name}' is already used by stage {i}; references to it become ambiguous."));
            break;
        }

        if (lower is "scratch" or "context")
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, span, null, Kind("reserved"), DiagnosticTags.None,
                $"Stage name '{name}' is reserved: '{lower}' already means {(lower == "scratch" ? "the empty image" : "the build context")}. Choose another name."));
        }
        else if (!IsValidLowercaseName(lower))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, span, null, Kind("invalid"), DiagnosticTags.None,
                $"Stage name '{name}' is invalid: it must start with a letter and contain only letters, digits, '-', '_' and '.'."));
        }
        else if (name != lower)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, span, null, Kind("casing"), DiagnosticTags.None,
                $"Stage name '{name}' should be lowercase ('{lower}'): BuildKit lower-cases stage names."));
        }
    }

    private static Dictionary<string, string> Kind(string kind) => new() { [KindProperty] = kind };

    internal static bool IsValidLowercaseName(string name) =>
        name.Length > 0 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '_' or '.');
}
