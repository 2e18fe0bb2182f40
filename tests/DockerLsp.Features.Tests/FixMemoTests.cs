using DockerLsp.Features.Diagnostics;
using DockerLsp.Features.Settings;
using DockerLsp.Features.Workspace;

namespace DockerLsp.Features.Tests;

/// <summary>
/// Editors ask for code actions on every cursor move over the same version, and some fixes compute their whole edit to know
/// whether they can be offered (DF308 re-reads its stage): the rule engine computes a diagnostic's fixes once per analysis,
/// hands the same actions to later requests (including requests that name an equal copy of the diagnostic, as LSP requests
/// do), computes them anew for a new version, and remembers nothing from a cancelled computation.
/// </summary>
public sealed class FixMemoTests
{
    private const string Text = "FROM alpine:3.20\nRUN apk add --no-cache curl\nRUN echo done\nMAINTAINER me\n";

    [Fact]
    public void The_fixes_of_a_diagnostic_are_computed_once_per_analysis()
    {
        var engine = new RuleAnalysisEngine();
        var analysis = engine.Analyze(Document.Create("untitled:Dockerfile", 1, Text, isOpen: true), LanguageServerSettings.Default, CancellationToken.None);
        var diagnostic = analysis.Diagnostics.First(d => d.Id == "DF301");

        var first = engine.GetFixes(analysis, diagnostic, CancellationToken.None);
        var again = engine.GetFixes(analysis, diagnostic with { }, CancellationToken.None);

        Assert.NotEmpty(first);
        Assert.Same(first, again);
    }

    [Fact]
    public void A_new_version_gets_fixes_computed_from_its_own_text()
    {
        var engine = new RuleAnalysisEngine();
        var settings = LanguageServerSettings.Default;
        var v1 = engine.Analyze(Document.Create("untitled:Dockerfile", 1, Text, isOpen: true), settings, CancellationToken.None);
        var edited = "# a comment\n" + Text;
        var v2 = engine.Analyze(Document.Create("untitled:Dockerfile", 2, edited, isOpen: true), settings, CancellationToken.None);

        var fix1 = engine.GetFixes(v1, v1.Diagnostics.First(d => d.Id == "DF301"), CancellationToken.None)[0];
        var fix2 = engine.GetFixes(v2, v2.Diagnostics.First(d => d.Id == "DF301"), CancellationToken.None)[0];

        Assert.NotSame(fix1, fix2);
        var start1 = fix1.ComputeChanges(CancellationToken.None).Min(c => c.Span.Start);
        var start2 = fix2.ComputeChanges(CancellationToken.None).Min(c => c.Span.Start);
        Assert.Equal("# a comment\n".Length, start2 - start1);
    }

    [Fact]
    public void A_cancelled_computation_leaves_nothing_behind()
    {
        var engine = new RuleAnalysisEngine();
        var analysis = engine.Analyze(Document.Create("untitled:Dockerfile", 1, Text, isOpen: true), LanguageServerSettings.Default, CancellationToken.None);
        var diagnostic = analysis.Diagnostics.First(d => d.Id == "DF301");

        Assert.ThrowsAny<OperationCanceledException>(() => engine.GetFixes(analysis, diagnostic, new CancellationToken(canceled: true)));
        var fixes = engine.GetFixes(analysis, diagnostic, CancellationToken.None);

        Assert.NotEmpty(fixes);
        Assert.Same(fixes, engine.GetFixes(analysis, diagnostic, CancellationToken.None));
    }
}
