using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Analysis.Tests.Engine;
using DockerLsp.Syntax.Text;
using Moq;
using Xunit;

namespace DockerLsp.Analysis.Tests.CodeFixes;

/// <summary>Code-fix lookup, provider isolation, fix-all merging with conflicts, and the fixed-point document fix.</summary>
public sealed class CodeFixServiceTests
{
    /// <summary>Upper-cases a RUN keyword (TX001 is reported on it), and inserts a marker at the start of the file (a conflicting edit for fix-all).</summary>
    private sealed class RunFix : CodeFixProvider
    {
        public override ImmutableArray<string> FixableDiagnosticIds => ["TX001"];

        public override void RegisterCodeFixes(CodeFixContext context)
        {
            var span = context.Diagnostic.Span;
            var text = context.Document.Text.ToString(span);
            if (text == "RUN") return;
            context.RegisterCodeFix(CodeAction.Create("Upper-case RUN", _ => DocumentChanges.FromTextChanges(new TextChange(span, "RUN")), "TX001", isPreferred: true));
            context.RegisterCodeFix(CodeAction.Create("Insert marker", _ => DocumentChanges.FromTextChanges(TextChange.Insert(0, "# m" + span.Start + "\n")), "TX001.marker"));
        }
    }

    /// <summary>A lower-case run keyword is what RunAnalyzer reports here (it reports every RUN; the fix only offers for lower case).</summary>
    private static readonly AnalyzerDriver Driver = new([new RunAnalyzer()]);

    [Fact]
    public void Fixes_are_found_by_id_and_preferred_first()
    {
        var service = new CodeFixService([new RunFix()]);
        var document = DockerfileDocument.Create("FROM a\nrun x\n");
        var diagnostic = Assert.Single(Driver.Analyze(document, AnalysisConfiguration.Default));
        var actions = service.GetFixes(document, diagnostic);
        Assert.Equal(["Upper-case RUN", "Insert marker"], actions.Select(a => a.Title));
        Assert.True(service.HasProvider("TX001"));
        Assert.False(service.HasProvider("TX002"));
    }

    [Fact]
    public void A_throwing_provider_is_skipped_and_reported()
    {
        var failing = new Mock<CodeFixProvider>();
        failing.SetupGet(p => p.FixableDiagnosticIds).Returns(["TX001"]);
        failing.Setup(p => p.RegisterCodeFixes(It.IsAny<CodeFixContext>())).Throws(new InvalidOperationException("broken"));
        var failures = new List<Exception>();
        var service = new CodeFixService([failing.Object, new RunFix()], (_, exception) => failures.Add(exception));
        var document = DockerfileDocument.Create("FROM a\nrun x\n");
        var diagnostic = Driver.Analyze(document, AnalysisConfiguration.Default).Single();
        Assert.Equal(2, service.GetFixes(document, diagnostic).Length);
        Assert.Equal("broken", Assert.Single(failures).Message);
    }

    [Fact]
    public async Task Fix_all_merges_by_equivalence_key_and_drops_conflicts()
    {
        var service = new FixAllService(new CodeFixService([new RunFix()]));
        var document = DockerfileDocument.Create("FROM a\nrun x\nrun y\n");
        var diagnostics = Driver.Analyze(document, AnalysisConfiguration.Default);

        var upper = await service.FixAllAsync(document, diagnostics, "TX001", "TX001");
        Assert.Equal("FROM a\nRUN x\nRUN y\n", upper.Changes.ApplyTo(document.Text).ToString());
        Assert.Equal(2, upper.FixedDiagnostics.Length);

        // Both marker insertions target offset 0: the second conflicts and waits for another pass.
        var marker = await service.FixAllAsync(document, diagnostics, "TX001", "TX001.marker");
        Assert.Single(marker.FixedDiagnostics);
        Assert.Single(marker.ConflictingDiagnostics);
    }

    [Fact]
    public async Task Fixing_a_document_reaches_a_fixed_point()
    {
        var service = new FixAllService(new CodeFixService([new RunFix()]));
        var result = await service.FixDocumentAsync(DockerfileDocument.Create("FROM a\nrun x\nrun y\n"), Driver, AnalysisConfiguration.Default);
        Assert.Equal("FROM a\nRUN x\nRUN y\n", result.NewText.ToString());
        Assert.Equal(2, result.FixedCount);
        Assert.True(result.HasChanges);
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        var service = new FixAllService(new CodeFixService([new RunFix()]));
        var document = DockerfileDocument.Create("FROM a\nrun x\n");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => service.FixDocumentAsync(document, Driver, AnalysisConfiguration.Default, cancellationToken: new CancellationToken(true)));
    }
}
