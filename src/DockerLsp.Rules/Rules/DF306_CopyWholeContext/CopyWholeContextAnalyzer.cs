using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF306_CopyWholeContext;

/// <summary>
/// DF306: <c>COPY . …</c> or <c>ADD . …</c> copies the whole build context into a layer. With a known build context it is reported
/// only when that is risky: there is no <c>.dockerignore</c> (the strong message), or the ignore file lets through <c>.git</c>, a
/// <c>.env</c> or <c>node_modules</c> that exist. Without a build context (an unsaved buffer, stdin) it is a reminder. Reported on
/// the <c>.</c> source.
/// </summary>
public sealed class CopyWholeContextAnalyzer : DiagnosticAnalyzer
{
    public const string GuardProperty = "guard";

    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF306",
        "The whole build context is copied into a layer",
        "{0}",
        DiagnosticCategory.BestPractice,
        DiagnosticSeverity.Warning);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        var model = context.SemanticModel;
        ContextIgnoreCheck? check = null;
        foreach (var copy in context.Stage.Instructions.OfType<CopyLikeInstructionSyntax>())
        {
            if (CopyFacts.Of(model, copy) is not { CopiesWholeContext: true }) continue;
            // The build context is part of the stage-scoped inputs (the cache is keyed on it), so this is checked per stage.
            check ??= ContextIgnoreCheck.Of(context.Document);
            if (check.Guard == ContextGuard.Adequate) return;
            var verb = copy.KeywordText;
            var message = check.Guard switch
            {
                ContextGuard.Missing => $"{verb} . copies the whole build context, and there is no .dockerignore: .git, local secrets and build output go into the image, and a change to any of them re-runs this step and all that follow.",
                ContextGuard.Incomplete => $"{verb} . copies the whole build context, and .dockerignore does not exclude {string.Join(", ", check.MissingEntries)}.",
                _ => $"{verb} . copies the whole build context into this layer: make sure a .dockerignore keeps .git, dependencies, build output and secrets out of it.",
            };
            var span = WholeContextSourceSpan(copy) ?? copy.Keyword.Span;
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, span, null, [new(GuardProperty, check.Guard.ToString())], DiagnosticTags.None, message));
        }
    }

    private static Syntax.Text.TextSpan? WholeContextSourceSpan(CopyLikeInstructionSyntax copy)
    {
        var words = copy.Arguments?.Words ?? [];
        foreach (var word in words.Take(Math.Max(0, words.Count - 1)))
        {
            if (ContainerPaths.Normalize(word.ValueText) is "." or "/") return word.Span;
        }
        return null;
    }
}
