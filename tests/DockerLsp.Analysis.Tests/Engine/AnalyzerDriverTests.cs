using System.Collections.Immutable;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Syntax;
using Moq;
using Xunit;

namespace DockerLsp.Analysis.Tests.Engine;

/// <summary>The driver's contract: dispatch, severity, isolation of failing analyzers, cancellation, parser diagnostics.</summary>
public sealed class AnalyzerDriverTests
{
    private const string Dockerfile = "FROM alpine:3.20\nRUN echo one\nRUN echo two\n";

    [Fact]
    public void Dispatches_syntax_and_semantic_callbacks_and_sorts_by_position()
    {
        var driver = new AnalyzerDriver([new RunAnalyzer(), new FromAnalyzer()]);
        var diagnostics = driver.Analyze(SyntaxTree.Parse(Dockerfile), AnalysisConfiguration.Default);
        Assert.Equal(["TX002", "TX001", "TX001"], diagnostics.Select(d => d.Id));
        Assert.Equal("FROM alpine:3.20", diagnostics[0].Message);
        Assert.Equal(DiagnosticSeverity.Info, diagnostics[1].Severity);
        Assert.Equal("RUN", Dockerfile.Substring(diagnostics[1].Span.Start, diagnostics[1].Span.Length));
    }

    [Fact]
    public void A_throwing_analyzer_becomes_DF001_and_the_others_still_run()
    {
        var driver = new AnalyzerDriver([new ThrowingAnalyzer(), new RunAnalyzer()]);
        var diagnostics = driver.Analyze(SyntaxTree.Parse(Dockerfile), AnalysisConfiguration.Default);
        var failure = Assert.Single(diagnostics, d => d.Id == "DF001");
        Assert.Contains("ThrowingAnalyzer", failure.Message);
        Assert.Contains("boom", failure.Message);
        Assert.Equal(2, diagnostics.Count(d => d.Id == "TX001"));
    }

    [Fact]
    public void A_throwing_Initialize_is_isolated_too()
    {
        var analyzer = new Mock<DiagnosticAnalyzer>();
        analyzer.SetupGet(a => a.SupportedDiagnostics).Returns([TestDescriptors.Run]);
        analyzer.Setup(a => a.Initialize(It.IsAny<AnalysisContext>())).Throws(new NotSupportedException("init failed"));
        var driver = new AnalyzerDriver([analyzer.Object, new FromAnalyzer()]);
        var diagnostics = driver.Analyze(SyntaxTree.Parse(Dockerfile), AnalysisConfiguration.Default);
        Assert.Contains(diagnostics, d => d.Id == "DF001" && d.Message.Contains("init failed", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Id == "TX002");
    }

    [Fact]
    public void Undeclared_descriptors_are_replaced_by_DF002()
    {
        var driver = new AnalyzerDriver([new UndeclaredAnalyzer()]);
        var diagnostics = driver.Analyze(SyntaxTree.Parse(Dockerfile), AnalysisConfiguration.Default);
        Assert.Equal("DF002", Assert.Single(diagnostics).Id);
    }

    [Fact]
    public void Configured_severity_applies_and_off_rules_are_not_run()
    {
        var callbacks = 0;
        var analyzer = new Mock<DiagnosticAnalyzer>();
        analyzer.SetupGet(a => a.SupportedDiagnostics).Returns([TestDescriptors.Run]);
        analyzer.Setup(a => a.Initialize(It.IsAny<AnalysisContext>()))
            .Callback<AnalysisContext>(c => c.RegisterSyntaxNodeAction(_ => callbacks++, SyntaxKind.RunInstruction));
        var driver = new AnalyzerDriver([analyzer.Object, new RunAnalyzer()]);

        var off = AnalysisConfiguration.Default.WithRuleSeverity("TX001", RuleSeverity.Off);
        Assert.Empty(driver.Analyze(SyntaxTree.Parse(Dockerfile), off));
        Assert.Equal(0, callbacks);

        var error = AnalysisConfiguration.Default.WithRuleSeverity("DL9001", RuleSeverity.Error);
        var diagnostics = driver.Analyze(SyntaxTree.Parse(Dockerfile), error);
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Error, d.Severity));
        Assert.Equal(2, callbacks);
    }

    [Fact]
    public void Disabled_by_default_descriptors_need_configuration()
    {
        var analyzer = new Mock<DiagnosticAnalyzer>();
        analyzer.SetupGet(a => a.SupportedDiagnostics).Returns([TestDescriptors.Off]);
        analyzer.Setup(a => a.Initialize(It.IsAny<AnalysisContext>()))
            .Callback<AnalysisContext>(c => c.RegisterSyntaxNodeAction(n => n.ReportDiagnostic(Diagnostic.Create(TestDescriptors.Off, n.Node.Span)), SyntaxKind.FromInstruction));
        var driver = new AnalyzerDriver([analyzer.Object]);
        Assert.Empty(driver.Analyze(SyntaxTree.Parse(Dockerfile), AnalysisConfiguration.Default));
        var enabled = AnalysisConfiguration.Default.WithCategorySeverity(DiagnosticCategory.Style, RuleSeverity.Warning);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(driver.Analyze(SyntaxTree.Parse(Dockerfile), enabled)).Severity);
    }

    [Fact]
    public void Cancellation_propagates_instead_of_becoming_a_diagnostic()
    {
        using var source = new CancellationTokenSource();
        var analyzer = new Mock<DiagnosticAnalyzer>();
        analyzer.SetupGet(a => a.SupportedDiagnostics).Returns([TestDescriptors.Run]);
        analyzer.Setup(a => a.Initialize(It.IsAny<AnalysisContext>()))
            .Callback<AnalysisContext>(c => c.RegisterSyntaxNodeAction(n =>
            {
                source.Cancel();
                n.CancellationToken.ThrowIfCancellationRequested();
            }, SyntaxKind.RunInstruction));
        var driver = new AnalyzerDriver([analyzer.Object]);
        Assert.ThrowsAny<OperationCanceledException>(() => driver.Analyze(SyntaxTree.Parse(Dockerfile), AnalysisConfiguration.Default, source.Token));
    }

    [Fact]
    public void An_already_cancelled_token_stops_before_any_work()
    {
        var driver = new AnalyzerDriver([new RunAnalyzer()]);
        Assert.ThrowsAny<OperationCanceledException>(() => driver.Analyze(SyntaxTree.Parse(Dockerfile), AnalysisConfiguration.Default, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void Parser_errors_flow_through_and_cannot_be_configured_away()
    {
        var driver = new AnalyzerDriver([]);
        var tree = SyntaxTree.Parse("FORM alpine\n");
        var config = AnalysisConfiguration.Default.WithRuleSeverity("DF101", RuleSeverity.Off).WithCategorySeverity(DiagnosticCategory.Syntax, RuleSeverity.Off);
        var diagnostic = Assert.Single(driver.Analyze(tree, config), d => d.Id == "DF101");
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
    }

    [Fact]
    public void Parser_warnings_are_configurable()
    {
        var driver = new AnalyzerDriver([]);
        var tree = SyntaxTree.Parse("FROM alpine\nSHELL /bin/bash -c\n");
        Assert.Contains(driver.Analyze(tree, AnalysisConfiguration.Default), d => d.Id == "DF108");
        Assert.DoesNotContain(driver.Analyze(tree, AnalysisConfiguration.Default.WithRuleSeverity("DF108", RuleSeverity.Off)), d => d.Id == "DF108");
    }

    [Fact]
    public void The_build_context_reaches_analyzers()
    {
        var context = new Mock<IBuildContext>();
        context.Setup(c => c.FileExists(".dockerignore")).Returns(true);
        var seen = false;
        var analyzer = new Mock<DiagnosticAnalyzer>();
        analyzer.SetupGet(a => a.SupportedDiagnostics).Returns([TestDescriptors.Run]);
        analyzer.Setup(a => a.Initialize(It.IsAny<AnalysisContext>()))
            .Callback<AnalysisContext>(c => c.RegisterSemanticModelAction(m => seen = m.Document.BuildContext?.FileExists(".dockerignore") == true));
        new AnalyzerDriver([analyzer.Object]).Analyze(DockerfileDocument.Create(Dockerfile, "Dockerfile", context.Object), AnalysisConfiguration.Default);
        Assert.True(seen);
        context.Verify(c => c.FileExists(".dockerignore"), Times.Once);
    }

    [Fact]
    public void Shell_command_callbacks_see_every_command_with_exact_spans()
    {
        var names = new List<string>();
        var analyzer = new Mock<DiagnosticAnalyzer>();
        analyzer.SetupGet(a => a.SupportedDiagnostics).Returns([TestDescriptors.Run]);
        analyzer.Setup(a => a.Initialize(It.IsAny<AnalysisContext>()))
            .Callback<AnalysisContext>(c => c.RegisterShellCommandAction(s => names.Add(s.Document.Text.ToString(s.Command.Span))));
        const string text = "FROM alpine\nRUN apt-get update \\\n && apt-get install -y curl\nRUN <<EOF\nset -e\necho hi\nEOF\n";
        new AnalyzerDriver([analyzer.Object]).Analyze(SyntaxTree.Parse(text), AnalysisConfiguration.Default);
        Assert.Equal(["apt-get update", "apt-get install -y curl", "set -e", "echo hi"], names);
    }
}
