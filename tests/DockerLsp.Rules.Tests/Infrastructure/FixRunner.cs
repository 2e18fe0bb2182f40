using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;

namespace DockerLsp.Rules.Tests.Infrastructure;

/// <summary>Applies fixes the way an editor would: the preferred action of one diagnostic, re-analysing between steps.</summary>
public static class FixRunner
{
    public static IReadOnlyList<Diagnostic> Analyze(DockerfileDocument document, AnalysisConfiguration? configuration = null) =>
        RuleCatalog.Driver.Analyze(document, configuration ?? AnalysisConfiguration.Default, CancellationToken.None);

    /// <summary>The first action offered for <paramref name="diagnostic"/>, or null.</summary>
    public static CodeAction? FirstFix(DockerfileDocument document, Diagnostic diagnostic) =>
        RuleCatalog.CodeFixService.GetFixes(document, diagnostic, CancellationToken.None).FirstOrDefault();

    public static DockerfileDocument Apply(DockerfileDocument document, CodeAction action)
    {
        var changes = action.GetChangesAsync(CancellationToken.None).GetAwaiter().GetResult();
        return DockerfileDocument.Create(changes.ApplyTo(document.Text).ToString(), document.Path);
    }

    /// <summary>Fixes diagnostics of <paramref name="ruleId"/> one at a time (first fixable one each step) until none is fixable.</summary>
    public static (DockerfileDocument Document, int Steps) FixOneByOne(DockerfileDocument document, string ruleId, int maxSteps = 50)
    {
        var steps = 0;
        while (steps < maxSteps)
        {
            var next = Analyze(document).Where(d => d.Id == ruleId).Select(d => (d, FirstFix(document, d))).FirstOrDefault(x => x.Item2 is not null);
            if (next.Item2 is null) break;
            document = Apply(document, next.Item2);
            steps++;
        }
        return (document, steps);
    }

    public static DockerfileDocument FixAll(DockerfileDocument document, string ruleId)
    {
        var diagnostics = Analyze(document);
        var result = RuleCatalog.FixAllService.FixAllAsync(document, diagnostics, ruleId).GetAwaiter().GetResult();
        return DockerfileDocument.Create(result.Changes.ApplyTo(document.Text).ToString(), document.Path);
    }
}
