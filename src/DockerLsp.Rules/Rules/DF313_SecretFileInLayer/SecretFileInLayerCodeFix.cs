using System.Collections.Immutable;
using System.Text;
using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF313_SecretFileInLayer;

/// <summary>
/// Fixes DF313 when one RUN both uses and deletes the copied file: the COPY goes, the RUN gets a mount at the same path, and its
/// <c>rm</c> of the file goes (a mount cannot be deleted, and nothing is left to delete). Credentials become
/// <c>--mount=type=secret,id=&lt;name&gt;,target=&lt;path&gt;</c>, which needs <c>docker build --secret id=&lt;name&gt;,src=&lt;file&gt;</c>;
/// other files become <c>--mount=type=bind,source=&lt;file&gt;,target=&lt;path&gt;</c>.
/// </summary>
public sealed class SecretFileInLayerCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [SecretFileInLayerAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        var document = context.Document;
        var model = document.GetSemanticModel(context.CancellationToken);
        if (model.GetStageAt(context.Diagnostic.Span.Start) is not { } stage) return;
        var found = CopiedFileInLayer.Find(model, stage, context.CancellationToken)
            .FirstOrDefault(f => f.Consumer is not null && f.Copy.Instruction.FullSpan.Contains(context.Diagnostic.Span.Start));
        if (found?.Consumer is not { } run) return;
        var script = model.GetShellScript(run, context.CancellationToken);
        if (ScriptEdits.RemoveCommands(script, found.Removals.ToList()) is not { Count: > 0 } removal) return;

        var mount = found.IsCredential
            ? $"--mount=type=secret,id={SecretId(found.Source)},target={found.Target}"
            : $"--mount=type=bind,source={ContainerPaths.Normalize(found.Source).TrimStart('/')},target={found.Target}";
        var title = found.IsCredential
            ? $"Use a secret mount (build with --secret id={SecretId(found.Source)},src={found.Source})"
            : "Bind-mount the file for the RUN instead of copying it";
        var changes = new List<TextChange>(removal)
        {
            TextChange.Delete(InstructionBlocks.BlockSpan(document.Text, found.Copy.Instruction)),
            TextChange.Insert(run.Keyword.Span.End, " " + mount),
        };
        context.RegisterCodeFix(CodeAction.Create(title, _ => DocumentChanges.FromTextChanges(changes), SecretFileInLayerAnalyzer.Descriptor.Id, isPreferred: true));
    }

    /// <summary>A secret id from the file name: <c>.npmrc</c> → <c>npmrc</c>, <c>keys/id_rsa</c> → <c>id_rsa</c>.</summary>
    internal static string SecretId(string source)
    {
        var name = ContainerPaths.FileName(source).TrimStart('.');
        var builder = new StringBuilder();
        foreach (var c in name) builder.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_');
        return builder.Length == 0 ? "secret" : builder.ToString();
    }
}
