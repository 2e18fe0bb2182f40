using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF304_AddInsteadOfCopy;

/// <summary>
/// DF304: ADD whose every source is a local path that is not an archive, with no ADD-only flag (<c>--checksum</c>,
/// <c>--keep-git-dir</c>, <c>--unpack</c>): COPY does the same, and says so. URLs, git sources, possible archives, heredocs and
/// sources with unresolved variables are left alone. Reported on the ADD keyword (ONBUILD ADD included).
/// </summary>
public sealed class AddInsteadOfCopyAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF304",
        "ADD used where COPY would do",
        "ADD only copies local files here: use COPY, whose effect is explicit (ADD also unpacks archives and fetches URLs).",
        DiagnosticCategory.BestPractice,
        DiagnosticSeverity.Warning,
        hadolintIds: ["DL3020"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.AddInstruction);

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var add = (AddInstructionSyntax)context.Node;
        if (IsPlainLocalCopy(context.SemanticModel, add)) context.ReportDiagnostic(Diagnostic.Create(Descriptor, add.Keyword.Span));
    }

    internal static bool IsPlainLocalCopy(Analysis.Semantics.SemanticModel model, AddInstructionSyntax add)
    {
        if (add.Heredocs.Any() || add.Flags.Any(f => f.Name is "checksum" or "keep-git-dir" or "unpack")) return false;
        var sources = add.Sources;
        if (sources.Count == 0) return false;
        foreach (var written in sources)
        {
            var source = model.Expand(written, add);
            if (source.Contains('$') || source.Contains("://", StringComparison.Ordinal) || source.StartsWith("git@", StringComparison.Ordinal)) return false;
            if (source.EndsWith(".git", StringComparison.OrdinalIgnoreCase) && source.Contains(':')) return false;
            if (Archives.MaybeArchive(source)) return false;
        }
        return true;
    }
}
