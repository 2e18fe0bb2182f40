using DockerLsp.Features.Diagnostics;
using DockerLsp.Features.Images;
using DockerLsp.Features.Settings;
using DockerLsp.Features.Workspace;
using DockerLsp.Syntax.Text;
using Moq;

namespace DockerLsp.Features.Tests.Images;

/// <summary>"Pin to digest" linked to DF501, offered lazily while the digest is unknown and resolved within the timeout.</summary>
public sealed class ImagePinActionProviderTests
{
    private const string Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111";
    private const string Text = "FROM nginx:1.27 AS web\nRUN true\n";
    private static readonly TextSpan s_cursor = new(7, 0);

    private static readonly LanguageServerSettings s_pinRuleOn = LanguageServerSettings.Default with
    {
        RuleSeverities = LanguageServerSettings.Default.RuleSeverities.SetItem("DF501", ConfiguredSeverity.Info),
    };

    private static DocumentAnalysis Analyze(string text, LanguageServerSettings settings) =>
        new RuleAnalysisEngine().Analyze(Document.Create("file:///w/Dockerfile", 1, text, isOpen: true), settings, CancellationToken.None);

    private static (Mock<IImageRegistry> Registry, TaskCompletionSource<ImageRegistryResult<ImageInfo>> Info) Registry()
    {
        var info = new TaskCompletionSource<ImageRegistryResult<ImageInfo>>(TaskCreationOptions.RunContinuationsAsynchronously);
        var registry = new Mock<IImageRegistry>();
        registry.Setup(r => r.GetImageInfoAsync("nginx:1.27", It.IsAny<CancellationToken>())).Returns(info.Task);
        return (registry, info);
    }

    [Fact]
    public async Task Cached_digest_gives_the_edit_linked_to_DF501_and_preferred()
    {
        var (registry, info) = Registry();
        using var cache = new ImageInfoCache(registry.Object);
        info.SetResult(ImageRegistryResult<ImageInfo>.Success(new ImageInfo("docker.io/library/nginx:1.27", Digest, [], null, null)));
        await cache.GetInfoAsync("nginx:1.27", CancellationToken.None);
        var analysis = Analyze(Text, s_pinRuleOn);
        var df501 = Assert.Single(analysis.Diagnostics, d => d.Id == "DF501");

        var action = Assert.Single(ImagePinActionProvider.GetActions(analysis, s_cursor, cache, lazy: false, CancellationToken.None));
        Assert.StartsWith("Pin 'nginx:1.27' to digest sha256:", action.Title, StringComparison.Ordinal);
        Assert.Equal([df501], action.Diagnostics);
        Assert.True(action.IsPreferred);
        var change = Assert.Single(action.Changes!);
        Assert.Equal(TextChange.Insert(15, "@" + Digest), change);

        // Without DF501 reported it is a plain contextual action: no diagnostic, not preferred.
        var plain = Assert.Single(ImagePinActionProvider.GetActions(Analyze(Text, LanguageServerSettings.Default), s_cursor, cache, lazy: false, CancellationToken.None));
        Assert.Empty(plain.Diagnostics);
        Assert.False(plain.IsPreferred);
    }

    [Fact]
    public async Task Unknown_digest_is_offered_lazily_and_resolved_through_the_registry()
    {
        var (registry, _) = Registry();
        registry.Setup(r => r.ResolveDigestAsync("nginx:1.27", It.IsAny<CancellationToken>())).ReturnsAsync(ImageRegistryResult<string>.Success(Digest));
        using var cache = new ImageInfoCache(registry.Object);
        var analysis = Analyze(Text, s_pinRuleOn);

        // A client that cannot resolve gets nothing yet (the request started the lookup); one that can gets the action without edit.
        Assert.Empty(ImagePinActionProvider.GetActions(analysis, s_cursor, cache, lazy: false, CancellationToken.None));
        var action = Assert.Single(ImagePinActionProvider.GetActions(analysis, s_cursor, cache, lazy: true, CancellationToken.None));
        Assert.True(action.NeedsResolve);
        Assert.Equal("Pin 'nginx:1.27' to digest", action.Title);
        Assert.Single(action.Diagnostics, d => d.Id == "DF501");
        Assert.True(action.IsPreferred);
        Assert.True(ImagePinActionProvider.IsImageActionKey(action.Key));

        var resolved = await ImagePinActionProvider.ResolveAsync(analysis.Document, action.Key, cache, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Equal([TextChange.Insert(15, "@" + Digest)], resolved.Changes);
    }

    [Fact]
    public async Task Resolve_reports_registry_failures_and_never_waits_past_the_timeout()
    {
        var (registry, _) = Registry();
        registry.Setup(r => r.ResolveDigestAsync("nginx:1.27", It.IsAny<CancellationToken>())).ReturnsAsync(ImageRegistryResult<string>.Failure("registry-1.docker.io is unreachable"));
        using var cache = new ImageInfoCache(registry.Object);
        var document = Analyze(Text, s_pinRuleOn).Document;
        var key = Assert.Single(ImagePinActionProvider.GetActions(Analyze(Text, s_pinRuleOn), s_cursor, cache, lazy: true, CancellationToken.None)).Key;

        var failed = await ImagePinActionProvider.ResolveAsync(document, key, cache, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Null(failed.Changes);
        Assert.Equal("cannot resolve 'nginx:1.27': registry-1.docker.io is unreachable", failed.FailureReason);

        // A registry that never answers (and ignores cancellation) still gives an answer when the timeout passes.
        var hanging = new Mock<IImageRegistry>();
        hanging.Setup(r => r.GetImageInfoAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource<ImageRegistryResult<ImageInfo>>().Task);
        hanging.Setup(r => r.ResolveDigestAsync(It.IsAny<string>(), It.IsAny<CancellationToken>())).Returns(new TaskCompletionSource<ImageRegistryResult<string>>().Task);
        using var slow = new ImageInfoCache(hanging.Object);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var timedOut = await ImagePinActionProvider.ResolveAsync(document, key, slow, TimeSpan.FromMilliseconds(300), CancellationToken.None);
        Assert.Equal("the registry did not answer within 0.3 s", timedOut.FailureReason);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5));

        // The caller's cancellation is cancellation, not a failure.
        using var cancelled = new CancellationTokenSource();
        var pending = ImagePinActionProvider.ResolveAsync(document, key, slow, TimeSpan.FromSeconds(30), cancelled.Token);
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pending);

        var gone = await ImagePinActionProvider.ResolveAsync(Document.Create("file:///w/Dockerfile", 1, "FROM scratch\n", isOpen: true), key, cache, TimeSpan.FromSeconds(5), CancellationToken.None);
        Assert.Equal("the image reference is no longer there", gone.FailureReason);
    }
}
