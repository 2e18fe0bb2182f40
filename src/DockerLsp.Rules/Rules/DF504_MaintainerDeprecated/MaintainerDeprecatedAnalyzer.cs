using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF504_MaintainerDeprecated;

/// <summary>DF504: the MAINTAINER instruction is deprecated; the OCI label <c>org.opencontainers.image.authors</c> replaces it. Tagged Deprecated.</summary>
public sealed class MaintainerDeprecatedAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF504",
        "MAINTAINER is deprecated",
        "MAINTAINER is deprecated: use LABEL org.opencontainers.image.authors=\"...\" instead.",
        DiagnosticCategory.Maintainability,
        DiagnosticSeverity.Warning,
        hadolintIds: ["DL4000"],
        buildKitNames: ["MaintainerDeprecated"],
        tags: DiagnosticTags.Deprecated);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.MaintainerInstruction);

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var maintainer = (MaintainerInstructionSyntax)context.Node;
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, maintainer.Keyword.Span));
    }
}
