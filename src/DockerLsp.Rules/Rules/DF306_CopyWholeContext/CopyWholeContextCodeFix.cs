using System.Collections.Immutable;
using DockerLsp.Analysis.CodeFixes;

namespace DockerLsp.Rules.Rules.DF306_CopyWholeContext;

/// <summary>
/// Fixes DF306 in the build context, never in the Dockerfile: creates a <c>.dockerignore</c> with sensible defaults when there is
/// none, or appends the missing entries to the existing one. Narrowing <c>COPY .</c> to "the paths later instructions use" is not
/// offered: a program reads files no instruction names (imports, templates, assets), so an automatic narrowing would break builds.
/// </summary>
public sealed class CopyWholeContextCodeFix : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds => [CopyWholeContextAnalyzer.Descriptor.Id];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        var document = context.Document;
        if (document.BuildContext is null) return;
        var check = ContextIgnoreCheck.Of(document);
        if (check.Guard == ContextGuard.Missing)
        {
            context.RegisterCodeFix(CodeAction.Create(
                "Create a .dockerignore",
                ct => new DocumentChanges([], [new FileEdit(".dockerignore", FileEditKind.Create, ContextIgnoreCheck.DefaultContent(document.GetSemanticModel(ct), document.Path is { } p ? Path.GetFileName(p) : null))]),
                CopyWholeContextAnalyzer.Descriptor.Id,
                isPreferred: true,
                editsOtherFiles: true));
        }
        else if (check.Guard == ContextGuard.Incomplete)
        {
            var ignoreFile = document.Path is { } path && document.BuildContext.FileExists(Path.GetFileName(path) + ".dockerignore") ? Path.GetFileName(path) + ".dockerignore" : ".dockerignore";
            var existing = document.BuildContext.ReadAllText(ignoreFile) ?? string.Empty;
            var prefix = existing.Length == 0 || existing.EndsWith('\n') ? string.Empty : "\n";
            context.RegisterCodeFix(CodeAction.Create(
                $"Add {string.Join(", ", check.MissingEntries)} to {ignoreFile}",
                _ => new DocumentChanges([], [new FileEdit(ignoreFile, FileEditKind.Append, prefix + string.Join("\n", check.MissingEntries) + "\n")]),
                CopyWholeContextAnalyzer.Descriptor.Id,
                isPreferred: true,
                editsOtherFiles: true));
        }
    }
}
