using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Analysis.Shell;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF202_ShellEntrypointIgnoresCmd;

/// <summary>
/// DF202: a stage whose effective ENTRYPOINT is in shell form and that also sets CMD. Docker runs
/// <c>/bin/sh -c "&lt;entrypoint&gt;" &lt;cmd...&gt;</c>, so the CMD words become <c>$0</c>, <c>$1</c>... of a script that never reads
/// them: CMD, and the arguments of <c>docker run</c>, are silently ignored. Silent when the entrypoint script reads positional
/// parameters. Reported on the CMD, with the ENTRYPOINT as related location. No automatic fix: DF201 converts the ENTRYPOINT.
/// </summary>
public sealed class ShellEntrypointIgnoresCmdAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF202",
        "CMD is ignored with a shell-form ENTRYPOINT",
        "This CMD is ignored: the ENTRYPOINT on line {0} is in shell form, so neither CMD nor 'docker run' arguments reach the program. Write the ENTRYPOINT in exec form.",
        DiagnosticCategory.Correctness,
        DiagnosticSeverity.Warning,
        messageCitesLines: true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) => context.RegisterStageAction(Analyze);

    private static void Analyze(StageAnalysisContext context)
    {
        EntrypointInstructionSyntax? entrypoint = null;
        CmdInstructionSyntax? cmd = null;
        foreach (var instruction in context.Stage.Instructions)
        {
            if (instruction is EntrypointInstructionSyntax e) entrypoint = e;
            else if (instruction is CmdInstructionSyntax c) cmd = c;
        }
        if (entrypoint?.ShellForm is null || cmd is null) return;
        var model = context.SemanticModel;
        if (!model.GetBuildState(entrypoint).IsPosixShell) return;
        var script = model.GetShellScript(entrypoint, context.CancellationToken);
        if (ReadsPositionalParameters(script)) return;
        var line = context.Document.Text.Lines.GetLineFromOffset(entrypoint.Span.Start) + 1;
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, cmd.Span,
            [new RelatedLocation(entrypoint.Span, "the shell-form ENTRYPOINT")], null, DiagnosticTags.None, line));
    }

    private static bool ReadsPositionalParameters(ShellScript script) =>
        script.Tokens.Any(t => t.HasExpansion && (t.Text.Contains("$@", StringComparison.Ordinal) || t.Text.Contains("$*", StringComparison.Ordinal)
            || t.Text.Contains("${@", StringComparison.Ordinal) || t.Text.Contains("$#", StringComparison.Ordinal)
            || Enumerable.Range(0, 10).Any(d => t.Text.Contains("$" + d, StringComparison.Ordinal) || t.Text.Contains("${" + d, StringComparison.Ordinal))));
}
