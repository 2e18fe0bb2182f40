using System.Text;
using DockerLsp.Analysis;
using DockerLsp.Features.Diagnostics;
using DockerLsp.Features.Settings;
using DockerLsp.Features.Workspace;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.Tests;

/// <summary>
/// The editor path re-analyses only what an edit touched: versions of one document (through <see cref="Document.WithChanges"/>,
/// as didChange produces them) share the engine's analysis cache, and a keystroke in one stage re-analyses that stage only,
/// with the same findings as analysing the new text from scratch.
/// </summary>
public sealed class IncrementalDiagnosticsTests
{
    [Fact]
    public void A_keystroke_in_one_stage_reanalyses_only_that_stage_with_the_same_findings_as_a_fresh_document()
    {
        var text = new StringBuilder("ARG BASE=alpine:3.20\n");
        for (var i = 0; i < 12; i++) text.Append($"FROM ${{BASE}} AS s{i}\nrun echo stage-{i}\nCOPY . /app\nCMD echo {i}\n");
        var engine = new RuleAnalysisEngine();
        var settings = LanguageServerSettings.Default;
        var document = Document.Create("file:///w/Dockerfile", 1, text.ToString(), isOpen: true);
        engine.Analyze(document, settings, CancellationToken.None);
        Assert.Equal((0, 12), engine.CacheFor(document).LastRun);

        var position = text.ToString().IndexOf("echo stage-7", StringComparison.Ordinal);
        var edited = document.WithChanges(2, [new DocumentChange(_ => new TextSpan(position, 0), "x")]);
        var incremental = engine.Analyze(edited, settings, CancellationToken.None);
        Assert.Equal((11, 1), engine.CacheFor(edited).LastRun);

        var fresh = new RuleAnalysisEngine().Analyze(Document.Create("file:///w/Dockerfile", 2, edited.Text.ToString(), isOpen: true), settings, CancellationToken.None);
        Assert.Equal(fresh.Diagnostics, incremental.Diagnostics);
        Assert.NotEmpty(fresh.Diagnostics);
    }

    /// <summary>A host's build contexts: one instance per directory until <see cref="Replace"/> (files changed); counts the look-ups.</summary>
    private sealed class FakeBuildContexts : IBuildContextProvider
    {
        public sealed class Context(bool hasIgnoreFile) : IBuildContext
        {
            public bool FileExists(string relativePath) => hasIgnoreFile && relativePath == ".dockerignore";
            public string? ReadAllText(string relativePath) => FileExists(relativePath) ? ".git\n" : null;
        }

        public Context Current { get; private set; } = new(hasIgnoreFile: false);
        public List<string> Requested { get; } = [];

        public IBuildContext? GetBuildContext(string dockerfilePath)
        {
            lock (Requested) Requested.Add(dockerfilePath);
            return Current;
        }

        public void Replace(bool hasIgnoreFile) => Current = new Context(hasIgnoreFile);
    }

    [Fact]
    public void Versions_of_a_document_share_one_build_context_and_the_cache_until_the_host_replaces_the_context()
    {
        var text = new StringBuilder();
        for (var i = 0; i < 6; i++) text.Append($"FROM alpine:3.20 AS s{i}\nWORKDIR /app\nCOPY . .\nRUN echo {i}\n");
        var contexts = new FakeBuildContexts();
        var engine = new RuleAnalysisEngine(contexts);
        var diagnostics = new DiagnosticService(engine);
        var settings = LanguageServerSettings.Default;
        var document = Document.Create("file:///w/app/Dockerfile", 1, text.ToString(), isOpen: true);
        var first = diagnostics.GetAnalysis(document, settings, CancellationToken.None);
        Assert.Equal("/w/app/Dockerfile", Assert.Single(contexts.Requested.Distinct()));
        Assert.Same(contexts.Current, EngineDocuments.For(document).BuildContext);
        Assert.Equal(6, first.Diagnostics.Count(d => d.Id == "DF306"));
        Assert.Contains("there is no .dockerignore", first.Diagnostics.First(d => d.Id == "DF306").Message);

        var position = text.ToString().IndexOf("echo 3", StringComparison.Ordinal);
        var edited = document.WithChanges(2, [new DocumentChange(_ => new TextSpan(position, 0), "x")]);
        diagnostics.GetAnalysis(edited, settings, CancellationToken.None);
        Assert.Same(EngineDocuments.For(document).BuildContext, EngineDocuments.For(edited).BuildContext);
        Assert.Equal((5, 1), engine.CacheFor(edited).LastRun);
        // The same version under the same context is answered from the analysis cache.
        Assert.Same(first, diagnostics.GetAnalysis(document, settings, CancellationToken.None));

        // The host saw .dockerignore appear: a new context instance outdates the analysis, and the engine's stage cache starts over.
        contexts.Replace(hasIgnoreFile: true);
        var refreshed = diagnostics.GetAnalysis(edited, settings, CancellationToken.None);
        Assert.Same(contexts.Current, EngineDocuments.For(edited).BuildContext);
        Assert.Equal((0, 6), engine.CacheFor(edited).LastRun);
        Assert.DoesNotContain(refreshed.Diagnostics, d => d.Id == "DF306");
    }

    [Fact]
    public void Untitled_documents_get_no_build_context()
    {
        var contexts = new FakeBuildContexts();
        var engine = new RuleAnalysisEngine(contexts);
        var document = Document.Create("untitled:Untitled-1", 1, "FROM alpine:3.20\nCOPY . /app\n", isOpen: true);
        var analysis = engine.Analyze(document, LanguageServerSettings.Default, CancellationToken.None);
        Assert.Empty(contexts.Requested);
        Assert.Null(EngineDocuments.For(document).BuildContext);
        Assert.False(analysis.IsOutdated);
        Assert.Contains("make sure a .dockerignore", analysis.Diagnostics.Single(d => d.Id == "DF306").Message);
    }
}
