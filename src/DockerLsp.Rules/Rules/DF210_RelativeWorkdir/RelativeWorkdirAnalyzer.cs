using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF210_RelativeWorkdir;

/// <summary>
/// DF210: the first WORKDIR of a stage (counting parent stages) when it is relative: its meaning
/// depends on the base image's working directory. Values starting with a variable, a Windows drive or a backslash are
/// accepted (as hadolint does), since they are usually absolute. No fix: prefixing '/' changes the path.
/// </summary>
public sealed class RelativeWorkdirAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF210",
        "Relative WORKDIR",
        "WORKDIR '{0}' is relative, so it depends on the working directory of the base image. Use an absolute path.",
        DiagnosticCategory.Correctness,
        DiagnosticSeverity.Warning,
        hadolintIds: ["DL3000"],
        buildKitNames: ["WorkdirRelativePath"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.WorkdirInstruction);

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var workdir = (WorkdirInstructionSyntax)context.Node;
        if (workdir.Parent is OnBuildInstructionSyntax) return;
        var value = workdir.Value.Trim('"', '\'');
        if (value.Length == 0 || IsAbsoluteLike(value)) return;
        var state = context.SemanticModel.GetBuildState(workdir);
        // As BuildKit: only the first relative WORKDIR of a stage that has no WORKDIR yet (a later one builds on it).
        if (state.WorkdirInstruction is not null) return;
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, workdir.ValueToken.Span, value));
    }

    private static bool IsAbsoluteLike(string path) =>
        path[0] is '/' or '$' or '\\' || (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':');
}
