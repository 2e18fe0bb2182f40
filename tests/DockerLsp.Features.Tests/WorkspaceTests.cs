using DockerLsp.Features.Diagnostics;
using DockerLsp.Features.Settings;
using DockerLsp.Features.Workspace;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Features.Tests;

/// <summary>The single-writer workspace: changes in order, stale and unknown documents, settings, and the analysis cache.</summary>
public sealed class WorkspaceTests
{
    [Fact]
    public void SequentialChangesApplyToTheIntermediateText()
    {
        var workspace = new DocumentWorkspace();
        workspace.Open("u", 1, "FROM alpine\n", CancellationToken.None);
        var update = workspace.Change("u", 2,
        [
            new DocumentChange(_ => new TextSpan(12, 0), "RUN a\n"),
            new DocumentChange(_ => new TextSpan(16, 1), "b"),
        ], CancellationToken.None);
        Assert.Equal(DocumentUpdateKind.Changed, update.Kind);
        Assert.Equal("FROM alpine\nRUN b\n", workspace.CurrentSnapshot.GetDocument("u")!.Text.ToString());
    }

    [Fact]
    public void SnapshotsAreImmutable()
    {
        var workspace = new DocumentWorkspace();
        workspace.Open("u", 1, "FROM alpine\n", CancellationToken.None);
        var before = workspace.CurrentSnapshot;
        workspace.Change("u", 2, [new DocumentChange(null, "FROM debian\n")], CancellationToken.None);
        Assert.Equal("FROM alpine\n", before.GetDocument("u")!.Text.ToString());
        Assert.True(workspace.CurrentSnapshot.Sequence > before.Sequence);
    }

    [Fact]
    public void UnknownAndStaleDocumentsAreReported()
    {
        var workspace = new DocumentWorkspace();
        Assert.Equal(DocumentUpdateKind.UnknownDocument, workspace.Change("x", 1, [new DocumentChange(_ => new TextSpan(0, 0), "a")], CancellationToken.None).Kind);
        Assert.Equal(DocumentUpdateKind.Opened, workspace.Change("y", 1, [new DocumentChange(null, "FROM a\n")], CancellationToken.None).Kind);
        Assert.Equal(DocumentUpdateKind.StaleVersion, workspace.Change("y", 1, [new DocumentChange(null, "FROM b\n")], CancellationToken.None).Kind);
        Assert.Equal("FROM b\n", workspace.CurrentSnapshot.GetDocument("y")!.Text.ToString());
        Assert.Equal(DocumentUpdateKind.Closed, workspace.Close("y").Kind);
        Assert.Equal(DocumentUpdateKind.UnknownDocument, workspace.Close("y").Kind);
    }

    [Fact]
    public void IncrementalTreeMatchesAFullParse()
    {
        var document = Document.Create("u", 1, "FROM alpine\nRUN a\nRUN b\nCMD c\n", isOpen: true);
        var changed = document.WithChanges(2, [new DocumentChange(_ => new TextSpan(16, 0), "xyz")]);
        Assert.Equal(changed.Text.ToString(), changed.Tree.Root.ToFullString());
        Assert.Equal("FROM alpine\nRUN xyza\nRUN b\nCMD c\n", changed.Text.ToString());
    }

    [Fact]
    public void SettingsTurnSyntaxWarningsOffOrChangeTheirSeverity()
    {
        var engine = new SyntaxAnalysisEngine();
        var document = Document.Create("u", 1, "FROM alpine\nRUN a && \\\n\n    b\n", isOpen: true);
        Assert.Equal(DiagnosticLevel.Warning, engine.Analyze(document, LanguageServerSettings.Default, CancellationToken.None).Diagnostics.Single().Severity);
        var off = LanguageServerSettings.Default with { RuleSeverities = LanguageServerSettings.Default.RuleSeverities.Add("df112", ConfiguredSeverity.Off) };
        Assert.Empty(engine.Analyze(document, off, CancellationToken.None).Diagnostics);
        var error = LanguageServerSettings.Default with { CategorySeverities = LanguageServerSettings.Default.CategorySeverities.Add("syntax", ConfiguredSeverity.Error) };
        Assert.Equal(DiagnosticLevel.Error, engine.Analyze(document, error, CancellationToken.None).Diagnostics.Single().Severity);
    }

    [Fact]
    public void AnalysisIsCachedPerVersionAndSettings()
    {
        var service = new DiagnosticService(new SyntaxAnalysisEngine());
        var document = Document.Create("u", 1, "FROM alpine\nRUNN x\n", isOpen: true);
        var first = service.GetAnalysis(document, LanguageServerSettings.Default, CancellationToken.None);
        Assert.Same(first, service.GetAnalysis(document, LanguageServerSettings.Default, CancellationToken.None));
        Assert.Equal(DiagnosticService.GetResultId(first), DiagnosticService.GetResultId(service.GetAnalysis(Document.Create("u", 2, "FROM alpine\nRUNN x\n", true), LanguageServerSettings.Default, CancellationToken.None)));
        Assert.NotEqual(DiagnosticService.GetResultId(first), DiagnosticService.GetResultId(service.GetAnalysis(Document.Create("u", 3, "\nFROM alpine\nRUNN x\n", true), LanguageServerSettings.Default, CancellationToken.None)));
    }

    [Fact]
    public void RuleEngineReadsEditorSettingsAndConfigurationFiles()
    {
        var settings = LanguageServerSettings.Default with
        {
            RuleSeverities = LanguageServerSettings.Default.RuleSeverities.Add("DF201", ConfiguredSeverity.Error),
            ConfigurationFiles = [new ConfigurationFile("/w/.hadolint.yaml", ConfigurationFileKind.Hadolint, "ignored:\n  - DL3006\n")],
        };
        var configuration = RuleAnalysisEngine.BuildConfiguration(settings, "/w/Dockerfile");
        Assert.Contains(configuration.RuleSettings, r => r.Code == "DF201");
        Assert.Contains(configuration.RuleSettings, r => r.Code == "DL3006");
    }
}
