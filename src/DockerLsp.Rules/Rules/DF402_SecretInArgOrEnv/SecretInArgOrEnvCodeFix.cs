using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Analysis.Semantics;
using DockerLsp.Rules.Common;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Shell;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF402_SecretInArgOrEnv;

/// <summary>
/// Fixes DF402 for a stage ARG that only shell-form RUN instructions of its stage read: the declaration is removed and each of
/// those RUNs gets <c>--mount=type=secret,id=&lt;name&gt;,env=&lt;NAME&gt;</c>, which exposes the secret as an environment variable
/// for that step only (Dockerfile syntax 1.10+; build with <c>--secret id=&lt;name&gt;,env=&lt;NAME&gt;</c>). ENV and global ARGs,
/// or ARGs used by other instructions, need a person to decide.
/// </summary>
public sealed class SecretInArgOrEnvCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [SecretInArgOrEnvAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        var document = context.Document;
        var declaration = SyntaxHelpers.FindNode<ArgDeclarationSyntax>(document.SyntaxTree, context.Diagnostic.Span.Start);
        if (declaration?.Parent is not ArgInstructionSyntax arg) return;
        var model = document.GetSemanticModel(context.CancellationToken);
        var stage = model.GetStage(arg);
        if (stage is null || arg.Parent is OnBuildInstructionSyntax) return;
        var name = declaration.Name;
        var escape = document.SyntaxTree.EscapeCharacter;

        var runs = new List<RunInstructionSyntax>();
        foreach (var instruction in stage.Instructions.Where(i => i.Span.Start > arg.Span.Start))
        {
            if (instruction is ArgInstructionSyntax redeclared && redeclared.Declarations.Any(d => d.Name == name)) break;
            var uses = instruction.DescendantTokens().Any(t => t.Kind != SyntaxKind.HeredocBodyToken && VariableReferenceScanner.Find(t.ValueText, escape).Any(r => r.Name == name))
                || instruction.Heredocs.Any(h => h.Body.Text.Contains(name, StringComparison.Ordinal));
            if (!uses) continue;
            if (instruction is not RunInstructionSyntax { ShellForm: not null } run) return;
            runs.Add(run);
        }
        if (runs.Count == 0) return;

        var id = name.ToLowerInvariant().Replace('_', '-');
        var changes = new List<TextChange> { RemoveDeclaration(document.SyntaxTree, arg, declaration) };
        foreach (var run in runs)
        {
            changes.Add(TextChange.Insert(run.Keyword.Span.End, $" --mount=type=secret,id={id},env={name}"));
        }
        context.RegisterCodeFix(CodeAction.Create(
            $"Pass '{name}' as a build secret (RUN --mount=type=secret,id={id},env={name})",
            _ => DocumentChanges.FromTextChanges(changes),
            SecretInArgOrEnvAnalyzer.Descriptor.Id,
            isPreferred: false));
    }

    private static TextChange RemoveDeclaration(SyntaxTree tree, ArgInstructionSyntax arg, ArgDeclarationSyntax declaration)
    {
        if (arg.Declarations.Count == 1) return TextChange.Delete(SyntaxHelpers.InstructionLinesSpan(tree, arg));
        var end = declaration.Span.End;
        while (end < tree.Text.Length && tree.Text[end] is ' ' or '\t') end++;
        return TextChange.Delete(TextSpan.FromBounds(declaration.Span.Start, end));
    }
}
