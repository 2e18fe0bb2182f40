using DockerLsp.Features.Diagnostics;
using DockerLsp.Features.Images;
using DockerLsp.Features.Settings;
using DockerLsp.Features.Workspace;
using Moq;

namespace DockerLsp.Features.Tests.Images;

/// <summary>DF506 from the image cache: opt-in, non-blocking, with the "Update digest" fix; other findings untouched.</summary>
public sealed class StaleDigestAnalysisEngineTests
{
    private const string Old = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string Current = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    [Fact]
    public async Task Stale_digest_is_reported_once_the_lookup_answered_and_fixed_by_update_digest()
    {
        var registry = new Mock<IImageRegistry>();
        registry.Setup(r => r.GetImageInfoAsync("nginx:1.27", It.IsAny<CancellationToken>()))
            .ReturnsAsync(ImageRegistryResult<ImageInfo>.Success(new ImageInfo("docker.io/library/nginx:1.27", Current, [], null, null)));
        using var host = new ImageRegistryHost(_ => registry.Object);
        var engine = new StaleDigestAnalysisEngine(new RuleAnalysisEngine(), host);
        var document = Document.Create("file:///w/Dockerfile", 1, $"FROM nginx:1.27@{Old} AS web\n", isOpen: true);
        var settings = LanguageServerSettings.Default with { Registry = new ImageRegistrySettings { CheckDigests = true } };

        Assert.DoesNotContain(engine.Analyze(document, settings, CancellationToken.None).Diagnostics, d => d.Id == "DF506");
        await host.GetCache(settings.Registry).GetInfoAsync("nginx:1.27", CancellationToken.None);

        var analysis = engine.Analyze(document, settings, CancellationToken.None);
        var stale = Assert.Single(analysis.Diagnostics, d => d.Id == "DF506");
        Assert.Equal(DiagnosticLevel.Info, stale.Severity);
        var fix = Assert.Single(engine.GetFixes(analysis, stale, CancellationToken.None));
        var change = Assert.Single(fix.ComputeChanges(CancellationToken.None));
        Assert.Equal(Current, change.NewText);
        Assert.Equal(Old, document.Text.ToString().Substring(change.Span.Start, change.Span.Length));

        Assert.DoesNotContain(engine.Analyze(document, LanguageServerSettings.Default, CancellationToken.None).Diagnostics, d => d.Id == "DF506");
    }
}

/// <summary>DF506 without another edit: an analysis that had to skip a lookup becomes outdated and the host is told once.</summary>
public sealed class StaleDigestRefreshTests
{
    private const string Old = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string Current = "sha256:2222222222222222222222222222222222222222222222222222222222222222";

    [Fact]
    public async Task Answered_lookup_outdates_the_analysis_and_notifies_each_document_once()
    {
        var gate = new TaskCompletionSource<ImageRegistryResult<ImageInfo>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registry = new Mock<IImageRegistry>();
        registry.Setup(r => r.GetImageInfoAsync("nginx:1.27", It.IsAny<CancellationToken>())).Returns(gate.Task);
        using var host = new ImageRegistryHost(_ => registry.Object);
        var engine = new StaleDigestAnalysisEngine(new RuleAnalysisEngine(), host);
        var service = new DiagnosticService(engine);
        var notified = new System.Collections.Concurrent.ConcurrentQueue<Document>();
        engine.LookupAnswered += notified.Enqueue;
        var settings = LanguageServerSettings.Default with { Registry = new ImageRegistrySettings { CheckDigests = true } };
        var v1 = Document.Create("file:///w/Dockerfile", 1, $"FROM nginx:1.27@{Old}\n", isOpen: true);
        var v2 = Document.Create("file:///w/Dockerfile", 2, $"FROM nginx:1.27@{Old}\nRUN true\n", isOpen: true);
        var other = Document.Create("file:///w/other/Dockerfile", 1, $"FROM nginx:1.27@{Old}\n", isOpen: true);

        var first = service.GetAnalysis(v1, settings, CancellationToken.None);
        Assert.DoesNotContain(first.Diagnostics, d => d.Id == "DF506");
        Assert.False(first.IsOutdated);
        Assert.Same(first, service.GetAnalysis(v1, settings, CancellationToken.None));
        service.GetAnalysis(v2, settings, CancellationToken.None);
        service.GetAnalysis(other, settings, CancellationToken.None);

        gate.SetResult(ImageRegistryResult<ImageInfo>.Success(new ImageInfo("docker.io/library/nginx:1.27", Current, [], null, null)));
        for (var i = 0; i < 200 && notified.Count < 2; i++) await Task.Delay(10);
        await Task.Delay(50);

        // One notification per document for the one lookup, although two versions of the first document waited for it.
        Assert.Equal(["file:///w/Dockerfile", "file:///w/other/Dockerfile"], notified.Select(d => d.Uri).Order(StringComparer.Ordinal));
        Assert.True(first.IsOutdated);
        var again = service.GetAnalysis(v1, settings, CancellationToken.None);
        Assert.NotSame(first, again);
        Assert.Single(again.Diagnostics, d => d.Id == "DF506");
        Assert.False(again.IsOutdated);

        // The analysis with the answer starts nothing, so nothing is raised again: no republish loop.
        notified.Clear();
        service.GetAnalysis(v2, settings, CancellationToken.None);
        await Task.Delay(100);
        Assert.Empty(notified);
    }
}
