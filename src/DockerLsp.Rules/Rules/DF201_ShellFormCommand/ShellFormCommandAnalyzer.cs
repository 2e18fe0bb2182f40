using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Rules.Common;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF201_ShellFormCommand;

/// <summary>
/// DF201: CMD or ENTRYPOINT in shell form. The shell (<c>/bin/sh -c</c>) becomes PID 1 and does not forward SIGTERM, so
/// <c>docker stop</c> waits for the timeout and kills the process. Silent when the command already ends in <c>exec ...</c>,
/// when the stage set its own SHELL (as BuildKit's JSONArgsRecommended), when the text is a single-quoted array (DF604) or
/// when the shell is not POSIX. Reported on the command text.
/// </summary>
public sealed class ShellFormCommandAnalyzer : DiagnosticAnalyzer
{
    public static readonly DiagnosticDescriptor Descriptor = new(
        "DF201",
        "Use exec form for CMD and ENTRYPOINT",
        "{0} in shell form runs under '/bin/sh -c', which does not pass SIGTERM to the process: the container stops slowly and uncleanly. Use exec (JSON) form{1}.",
        DiagnosticCategory.Correctness,
        DiagnosticSeverity.Warning,
        hadolintIds: ["DL3025"],
        buildKitNames: ["JSONArgsRecommended"]);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [Descriptor];

    public override void Initialize(AnalysisContext context) =>
        context.RegisterSyntaxNodeAction(Analyze, SyntaxKind.CmdInstruction, SyntaxKind.EntrypointInstruction);

    private static void Analyze(SyntaxNodeAnalysisContext context)
    {
        var instruction = (CommandInstructionSyntax)context.Node;
        if (instruction.ShellForm is not { } shellForm || shellForm.Span.IsEmpty) return;
        if (shellForm.GetCommandText().TrimStart().StartsWith('[')) return;
        var state = context.SemanticModel.GetBuildState(instruction);
        if (state.ShellInstruction is not null || !state.IsPosixShell) return;
        var script = context.SemanticModel.GetShellScript(instruction, context.CancellationToken);
        if (ShellFacts.LastTopLevelCommand(script) is { Name: "exec" }) return;
        var hint = ShellFacts.NeedsShell(script) ? ", or start the command with 'exec' so that it replaces the shell" : string.Empty;
        context.ReportDiagnostic(Diagnostic.Create(Descriptor, shellForm.Span, instruction.KeywordText, hint));
    }
}
