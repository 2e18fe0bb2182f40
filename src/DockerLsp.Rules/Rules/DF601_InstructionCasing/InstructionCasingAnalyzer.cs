using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF601_InstructionCasing;

/// <summary>
/// DF601: an instruction keyword cased unlike the file's majority (all upper or all lower; upper wins a tie), or in mixed case.
/// As BuildKit's ConsistentInstructionCasing. The expected casing is in the <c>expected</c> property.
/// </summary>
public sealed class InstructionCasingAnalyzer : DiagnosticAnalyzer
{
    public const string ExpectedProperty = "expected";

    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF601",
        "Inconsistent instruction casing",
        "'{0}' should be written '{1}' like the other instructions in this file.",
        DiagnosticCategory.Style,
        DiagnosticSeverity.Info,
        buildKitNames: ["ConsistentInstructionCasing"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterSemanticModelAction(Analyze);

    private static void Analyze(SemanticModelAnalysisContext context)
    {
        var keywords = context.SyntaxTree.Root.Instructions
            .SelectMany(i => i is OnBuildInstructionSyntax { Trigger: { } trigger } ? new[] { i, trigger } : [i])
            .Where(i => i.Kind != SyntaxKind.UnknownInstruction)
            .Select(i => i.Keyword)
            .Where(k => k.Kind != SyntaxKind.None && !k.IsMissing)
            .ToArray();
        var upper = keywords.Count(k => k.ValueText == k.ValueText.ToUpperInvariant());
        var lower = keywords.Count(k => k.ValueText == k.ValueText.ToLowerInvariant());
        var preferLower = lower > upper;
        foreach (var keyword in keywords)
        {
            var expected = preferLower ? keyword.ValueText.ToLowerInvariant() : keyword.ValueText.ToUpperInvariant();
            if (keyword.ValueText == expected || keyword.Text != keyword.ValueText) continue;
            context.ReportDiagnostic(Diagnostic.Create(Descriptor, keyword.Span, null,
                new Dictionary<string, string> { [ExpectedProperty] = expected }, DiagnosticTags.None, keyword.ValueText, expected));
        }
    }
}
