using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Rules.Common.BestPractice;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Rules.Rules.DF310_PackageCacheLeft;

/// <summary>
/// Fixes DF310 in the RUN itself (preferred): appends the cleanup (one command per continuation line on a multi-line RUN), inserts
/// <c>--no-cache</c>/<c>--no-cache-dir</c> after the subcommand, or drops a redundant <c>apk update</c>. Fix-all handles all issues of a
/// RUN in one edit, so two cleanups for one RUN do not collide. The alternative action mounts a BuildKit cache on the cache directory
/// instead, which keeps the cache between builds and out of the image; it is offered when the RUN runs as root (the cache paths are
/// root's).
/// </summary>
public sealed class PackageCacheLeftCodeFix : CodeFixProvider
{
    private static readonly string s_key = PackageCacheLeftAnalyzer.Descriptor.Id;
    private static readonly string s_cacheMountKey = s_key + ".cache-mount";

    public override ImmutableArray<string> FixableDiagnosticIds => [s_key];

    public override void RegisterCodeFixes(CodeFixContext context)
    {
        var document = context.Document;
        if (Fix(document, [context.Diagnostic], context.CancellationToken) is not null)
        {
            context.RegisterCodeFix(CodeAction.Create(
                "Clean the cache in the same RUN",
                ct => Fix(document, [context.Diagnostic], ct) ?? DocumentChanges.Empty,
                s_key,
                isPreferred: true));
        }
        if (FindIssue(document, context.Diagnostic, context.CancellationToken) is { } issue && CacheMount(document, issue, context.CancellationToken) is { } mount)
        {
            context.RegisterCodeFix(CodeAction.Create(
                "Use a BuildKit cache mount for " + issue.CacheDirectory,
                _ => mount,
                s_cacheMountKey));
        }
    }

    public override FixAllProvider GetFixAllProvider() => new GroupingFixAllProvider(s_key, d => RunKey(d), Fix);

    private static int RunKey(Diagnostic diagnostic) =>
        diagnostic.Span.Start - (diagnostic.Properties.TryGetValue(PackageCacheLeftAnalyzer.RunOffsetProperty, out var value) && int.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, out var offset) ? offset : 0);

    private static PackageCacheIssue? FindIssue(DockerfileDocument document, Diagnostic diagnostic, CancellationToken cancellationToken)
    {
        var model = document.GetSemanticModel(cancellationToken);
        if (document.SyntaxTree.Root.FindInstruction(diagnostic.Span.Start) is not RunInstructionSyntax run || model.GetStage(run) is not { } stage) return null;
        return PackageCacheIssues.Find(model, stage, run, cancellationToken).FirstOrDefault(i => PackageCacheIssues.ReportSpan(i) == diagnostic.Span);
    }

    /// <summary>One edit for all the issues of <paramref name="diagnostics"/>, which belong to one RUN when called by fix-all.</summary>
    private static DocumentChanges? Fix(DockerfileDocument document, IReadOnlyList<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var issues = diagnostics.Select(d => FindIssue(document, d, cancellationToken)).OfType<PackageCacheIssue>().ToList();
        var changes = new List<TextChange>();
        foreach (var runIssues in issues.GroupBy(i => i.Run.Span.Start))
        {
            var run = runIssues.First().Run;
            var script = document.GetSemanticModel(cancellationToken).GetShellScript(run, cancellationToken);
            var appended = runIssues.Where(i => i.Repair == CacheRepair.AppendCleanup).Select(i => i.Text).Distinct().ToList();
            if (appended.Count > 0 && ScriptEdits.AppendCommands(document.Text, DockerfileStyle.Of(document.SyntaxTree), script, appended) is { } append) changes.Add(append);
            foreach (var issue in runIssues.Where(i => i.Repair == CacheRepair.InsertFlag))
            {
                changes.Add(ScriptEdits.InsertAfter(issue.Command.Subcommand!, issue.Text));
            }
            var removed = runIssues.Where(i => i.Repair == CacheRepair.RemoveCommand).Select(i => i.Command.Invocation.Command).ToList();
            if (removed.Count > 0 && ScriptEdits.RemoveCommands(script, removed) is { Count: > 0 } removal) changes.AddRange(removal);
        }
        return changes.Count == 0 ? null : DocumentChanges.FromTextChanges(changes);
    }

    private static DocumentChanges? CacheMount(DockerfileDocument document, PackageCacheIssue issue, CancellationToken cancellationToken)
    {
        var model = document.GetSemanticModel(cancellationToken);
        var rootOnly = issue.CacheDirectory.StartsWith("/root/", StringComparison.Ordinal) || issue.CacheDirectory.StartsWith("/usr/local/share/.cache", StringComparison.Ordinal);
        if (rootOnly && !model.GetBuildState(issue.Run).IsRoot) return null;
        var mounts = issue.Command.Manager == PackageManager.Apt
            ? "--mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked"
            : "--mount=type=cache,target=" + issue.CacheDirectory + (issue.Command.IsSystemManager ? ",sharing=locked" : string.Empty);
        return DocumentChanges.FromTextChanges(TextChange.Insert(issue.Run.Keyword.Span.End, " " + mounts));
    }
}
