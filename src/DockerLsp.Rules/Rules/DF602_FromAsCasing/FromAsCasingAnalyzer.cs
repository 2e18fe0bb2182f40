using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF602_FromAsCasing;

/// <summary>DF602: <c>AS</c> in <c>FROM image AS name</c> cased unlike <c>FROM</c> (upper with upper, lower with lower; a mixed-case FROM is DF601's business).</summary>
public sealed class FromAsCasingAnalyzer : DiagnosticAnalyzer
{
    public const string ExpectedProperty = "expected";

    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF602",
        "'AS' cased unlike 'FROM'",
        "'{0}' should be '{1}' to match '{2}'.",
        DiagnosticCategory.Style,
        DiagnosticSeverity.Info,
        buildKitNames: ["FromAsCasing"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.FromInstruction);

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var from = (FromInstructionSyntax)context.Node;
        var asKeyword = from.AsKeyword;
        if (asKeyword.Kind == SyntaxKind.None || asKeyword.IsMissing) return;
        var keyword = from.Keyword.ValueText;
        string expected;
        if (keyword == keyword.ToUpperInvariant()) expected = "AS";
        else if (keyword == keyword.ToLowerInvariant()) expected = "as";
        else return;
        if (asKeyword.Text == expected) return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, asKeyword.Span, null,
            new Dictionary<string, string> { [ExpectedProperty] = expected }, DiagnosticTags.None, asKeyword.Text, expected, keyword));
    }
}
