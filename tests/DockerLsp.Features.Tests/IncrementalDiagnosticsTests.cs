using System.Text;
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
}
