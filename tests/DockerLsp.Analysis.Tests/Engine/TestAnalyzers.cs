using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Syntax;

namespace DockerLsp.Analysis.Tests.Engine;

/// <summary>Small analyzers with known behaviour, for driver tests (the real rules live in Rules and are tested there).</summary>
internal static class TestDescriptors
{
    public static readonly DiagnosticDescriptor Run = new("TX001", "RUN seen", "RUN seen", DiagnosticCategory.BestPractice, DiagnosticSeverity.Info, hadolintIds: ["DL9001"], buildKitNames: ["RunSeen"]);
    public static readonly DiagnosticDescriptor From = new("TX002", "FROM seen", "FROM {0}", DiagnosticCategory.Security, DiagnosticSeverity.Warning);
    public static readonly DiagnosticDescriptor Off = new("TX003", "Off by default", "off", DiagnosticCategory.Style, DiagnosticSeverity.Hint, isEnabledByDefault: false);
}

/// <summary>Reports TX001 on every RUN keyword.</summary>
internal sealed class RunAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [TestDescriptors.Run];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterSyntaxNodeAction(c => c.ReportDiagnostic(Diagnostic.Create(TestDescriptors.Run, ((InstructionSyntax)c.Node).Keyword.Span)), SyntaxKind.RunInstruction);
}

/// <summary>Reports TX002 on every stage's image, from the semantic model.</summary>
internal sealed class FromAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [TestDescriptors.From];

    public override void Initialize(AnalysisContext context) => context.RegisterSemanticModelAction(c =>
    {
        foreach (var stage in c.SemanticModel.Stages)
        {
            c.ReportDiagnostic(Diagnostic.Create(TestDescriptors.From, stage.From.Image!.Span, stage.BaseText));
        }
    });
}

/// <summary>Throws from its callback.</summary>
internal sealed class ThrowingAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [TestDescriptors.Off, TestDescriptors.Run];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterSyntaxNodeAction(_ => throw new InvalidOperationException("boom"), SyntaxKind.RunInstruction);
}

/// <summary>Reports a descriptor it does not declare.</summary>
internal sealed class UndeclaredAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [TestDescriptors.Run];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterSyntaxNodeAction(c => c.ReportDiagnostic(Diagnostic.Create(TestDescriptors.From, c.Node.Span, "x")), SyntaxKind.FromInstruction);
}
