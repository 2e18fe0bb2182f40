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
