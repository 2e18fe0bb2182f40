using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Rules.Common.BestPractice;

namespace DockerLsp.Rules.Rules.DF315_HeavyBaseImage;

/// <summary>
/// DF315 (info): the final stage starts from a full distribution or full language image (python, node, ruby, debian, a JDK, an SDK)
/// where a smaller variant exists; everything in the base ships with the application. Reported on the image of the final stage's
/// FROM, when it is an external image written without variables or digest. The smaller variant may lack tools the stage needs,
/// which is why this is information and why fix-all never applies it.
/// </summary>
public sealed class HeavyBaseImageAnalyzer : DiagnosticAnalyzer
{
    public const string LighterImageProperty = "lighterImage";

    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF315",
        "Heavy base image for the final stage",
        "'{0}' is a full image and ships whole with the application; {1}.",
        DiagnosticCategory.BestPractice,
        DiagnosticSeverity.Info);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        // Which stage is final is outline information: the check runs in the final stage's callback and reads its FROM only.
        if (context.Stage != context.SemanticModel.FinalStage) return;
        if (context.Stage is not { BaseImage: { HasVariables: false, IsValid: true, IsScratch: false, Digest: null } image } stage || stage.From.Image is not { } syntax) return;
        if (!BaseImages.TryGetLighterVariant(image, out var lighterTag, out var advice)) return;
        var properties = new Dictionary<string, string>();
        if (lighterTag is not null && syntax.Text == image.Original)
        {
            var original = image.Original;
            var tagStart = image.Tag is null ? original.Length : original.LastIndexOf(':');
            var lighter = original[..tagStart] + ":" + lighterTag;
            properties[LighterImageProperty] = lighter;
            advice = $"'{lighter}' is the smaller variant of the same version ({advice})";
        }
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, syntax.Span, null, properties, DiagnosticTags.None, image.Original, advice));
    }
}
