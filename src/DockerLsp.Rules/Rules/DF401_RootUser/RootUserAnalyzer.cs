using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Analysis.Semantics;

namespace DockerLsp.Rules.Rules.DF401_RootUser;

/// <summary>
/// DF401: the final stage runs as root: its last USER (in it or its parent stages) is root/0, or there is no USER and the base
/// image is one known to default to root (Docker official images, distribution base images from Red Hat, Microsoft, Google, and
/// scratch). A process escaping the container then starts as root on the host's kernel. Other base images may set a user this
/// rule cannot see offline, so "no USER" is not reported for them. Silent for images named non-root (<c>nonroot</c>,
/// <c>rootless</c>, <c>unprivileged</c>, Chainguard) and Windows images. Reported on the last root USER when the final stage has it,
/// else on the final FROM's image (also when the root USER is inherited from a parent stage: a stage-scoped finding stays in its
/// stage). The fix needs a user: see <see cref="RootUserCodeFix"/>.
/// </summary>
public sealed class RootUserAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF401",
        "The image runs as root",
        "{0}",
        DiagnosticCategory.Security,
        DiagnosticSeverity.Warning,
        hadolintIds: ["DL3002"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        var model = context.SemanticModel;
        // Which stage is final is outline information; the final state reads the stage and the stages it is built on only.
        var stage = context.Stage;
        if (stage != model.FinalStage) return;
        var state = model.GetFinalState(stage);
        if (!state.IsRoot) return;
        if (stage.IsWindows || stage.RootImage is { } named && DefaultsToNonRoot(named)) return;
        if (state.UserInstruction is { } user && user.Span.Start >= stage.From.Span.Start)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, user.ValueToken.Span,
                $"The final stage ends as '{state.User}': the container's process runs as root. Switch to a non-root USER after the steps that need root."));
        }
        else if (state.UserInstruction is { } inherited)
        {
            // The root USER is in a parent stage: report in this stage (on the FROM naming the parent), where the fix goes too.
            var location = stage.From.Image?.Span ?? stage.From.Keyword.Span;
            var parent = model.GetStage(inherited)?.DisplayName ?? stage.BaseText;
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, location,
                $"The final stage inherits USER '{state.User}' from stage '{parent}': the container's process runs as root. Switch to a non-root USER after the steps that need root."));
        }
        else if (stage.From.Image is { } from && stage.RootImage is { } image && KnownToDefaultToRoot(image))
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, from.Span,
                "The final stage sets no USER, so the container runs as root unless the base image sets a user. Add a non-root USER before CMD/ENTRYPOINT."));
        }
    }

    private static bool DefaultsToNonRoot(ImageReference image)
    {
        var text = image.Original.ToLowerInvariant();
        return text.Contains("nonroot", StringComparison.Ordinal) || text.Contains("non-root", StringComparison.Ordinal)
            || text.Contains("rootless", StringComparison.Ordinal) || text.Contains("unprivileged", StringComparison.Ordinal)
            || image.NormalizedRegistry == "cgr.dev";
    }

    /// <summary>Base images whose default user is root: Docker official images, scratch, and the common distribution and runtime bases.</summary>
    private static bool KnownToDefaultToRoot(ImageReference image)
    {
        if (image.HasVariables || !image.IsValid) return false;
        if (image.IsScratch) return true;
        var registry = image.NormalizedRegistry;
        var repository = image.NormalizedRepository;
        return (registry == ImageReference.DefaultRegistry && repository.StartsWith("library/", StringComparison.Ordinal))
            || (registry is "registry.access.redhat.com" or "registry.redhat.io" && repository.StartsWith("ubi", StringComparison.Ordinal))
            || (registry == "mcr.microsoft.com" && (repository.StartsWith("dotnet/", StringComparison.Ordinal) || repository.StartsWith("azurelinux/", StringComparison.Ordinal) || repository.StartsWith("cbl-mariner/", StringComparison.Ordinal)) && !(image.Tag ?? string.Empty).Contains("chiseled", StringComparison.Ordinal))
            || (registry == "gcr.io" && repository.StartsWith("distroless/", StringComparison.Ordinal));
    }
}
