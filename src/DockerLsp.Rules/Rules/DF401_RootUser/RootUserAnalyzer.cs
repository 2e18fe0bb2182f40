using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Analysis.Semantics;

namespace DockerLsp.Rules.Rules.DF401_RootUser;

/// <summary>
/// DF401: the final stage runs as root: no USER in it or its parent stages, or the last USER is root/0. A process escaping the
/// container then starts as root on the host's kernel. Reported on the last root USER, else on the final FROM. Silent for base
/// images that already default to a non-root user by name (<c>nonroot</c>, <c>rootless</c>, <c>unprivileged</c>, Chainguard) and
/// for Windows images. The fix needs a user: see <see cref="RootUserCodeFix"/>.
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

    public override void Initialize(AnalysisContext context) => context.RegisterSemanticModelAction(Analyze);

    private static void Analyze(SemanticModelAnalysisContext context)
    {
        var model = context.SemanticModel;
        if (model.FinalStage is not { } stage) return;
        var state = model.GetFinalState(stage);
        if (!state.IsRoot) return;
        if (stage.RootImage is { } image && (DefaultsToNonRoot(image) || IsWindows(image))) return;
        if (state.UserInstruction is { } user)
        {
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, user.ValueToken.Span,
                $"The final stage ends as '{state.User}': the container's process runs as root. Switch to a non-root USER after the steps that need root."));
        }
        else if (stage.From.Image is { } from)
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

    private static bool IsWindows(ImageReference image)
    {
        var repository = image.Repository.ToLowerInvariant();
        var tag = image.Tag?.ToLowerInvariant() ?? string.Empty;
        return repository.Contains("windows", StringComparison.Ordinal) || repository.Contains("nanoserver", StringComparison.Ordinal)
            || tag.Contains("nanoserver", StringComparison.Ordinal) || tag.Contains("windowsservercore", StringComparison.Ordinal) || tag.Contains("ltsc", StringComparison.Ordinal);
    }
}
