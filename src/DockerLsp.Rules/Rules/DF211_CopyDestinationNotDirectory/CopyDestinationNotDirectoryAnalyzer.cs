using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF211_CopyDestinationNotDirectory;

/// <summary>
/// DF211: COPY or ADD with several sources (files or heredocs) into a destination that does not end in '/'; BuildKit refuses to
/// build it. A destination given by a variable is checked after expansion when its value is known. Reported on the destination.
/// </summary>
public sealed class CopyDestinationNotDirectoryAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF211",
        "Several sources need a directory destination",
        "{0} has {1} sources, so the destination '{2}' must be a directory ending with '/'.",
        DiagnosticCategory.Correctness,
        DiagnosticSeverity.Error,
        hadolintIds: ["DL3021"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.CopyInstruction, SyntaxKind.AddInstruction);

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var copy = (CopyLikeInstructionSyntax)context.Node;
        var sources = copy.Sources;
        if (sources.Count < 2 || copy.Destination is not { } destination) return;
        var expanded = context.SemanticModel.Expand(destination, copy);
        if (expanded.Contains('$') || expanded.EndsWith('/') || expanded.EndsWith('\\')) return;
        if (DestinationToken(copy) is not { } token) return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, token.Span, copy.KeywordText, sources.Count, destination));
    }

    /// <summary>The destination's token: the last word, or the last JSON string.</summary>
    internal static SyntaxToken? DestinationToken(CopyLikeInstructionSyntax copy)
    {
        if (copy.ExecForm is { } exec) return exec.Elements.LastOrDefault();
        var words = copy.Arguments?.Words;
        return words is { Count: > 0 } ? words[^1] : null;
    }
}
