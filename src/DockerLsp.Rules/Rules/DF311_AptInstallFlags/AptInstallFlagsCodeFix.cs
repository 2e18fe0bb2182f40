using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;

namespace DockerLsp.Rules.Rules.DF311_AptInstallFlags;

/// <summary>
/// Fixes DF311 by inserting the missing flags right after <c>install</c>. When recommends are turned off for a TLS client (curl, wget,
/// git) and ca-certificates is not in the list, it is added before the first package: it is only a recommendation of those
/// packages, and without it every HTTPS request fails.
/// </summary>
public sealed class AptInstallFlagsCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [AptInstallFlagsAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        var document = context.Document;
        var model = document.GetSemanticModel(context.CancellationToken);
        if (document.SyntaxTree.Root.FindInstruction(context.Diagnostic.Span.Start) is not RunInstructionSyntax run || model.GetStage(run) is not { } stage) return;
        var found = AptInstallFlags.Find(model, stage, run, context.CancellationToken).FirstOrDefault(f => f.Command.Subcommand!.Span == context.Diagnostic.Span);
        if (found is null) return;
        var title = "Add " + found.Flags + (found.AddCertificates ? " and ca-certificates (needed for HTTPS without recommends)" : string.Empty);
        context.RegisterCodeFix(CodeAction.Create(
            title,
            _ => DocumentChanges.FromTextChanges(found.Changes()),
            AptInstallFlagsAnalyzer.Descriptor.Id,
            isPreferred: true));
    }
}
