using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF505_LegacyKeyValueFormat;

/// <summary>
/// DF505: <c>ENV key value</c> or <c>LABEL key value</c> (space-separated legacy form). It can set only one variable and reads
/// ambiguously (<c>ENV A B=C</c> sets A to "B=C"). Reported on the key.
/// </summary>
public sealed class LegacyKeyValueFormatAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF505",
        "Legacy 'key value' form",
        "'{0} {1} value' is the legacy form; write '{0} {1}=value'.",
        DiagnosticCategory.Maintainability,
        DiagnosticSeverity.Warning,
        buildKitNames: ["LegacyKeyValueFormat"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.EnvInstruction, SyntaxKind.LabelInstruction);

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var instruction = (KeyValueInstructionSyntax)context.Node;
        foreach (var pair in instruction.Pairs)
        {
            if (!pair.IsLegacyForm || pair.KeyToken.Kind == SyntaxKind.None || pair.ValueToken.Kind == SyntaxKind.None || pair.ValueToken.IsMissing) continue;
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, pair.KeyToken.Span, instruction.KeywordText, pair.Key));
        }
    }
}
