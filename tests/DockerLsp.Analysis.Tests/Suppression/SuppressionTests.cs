using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Analysis.Suppression;
using DockerLsp.Analysis.Tests.Engine;
using DockerLsp.Syntax;
using Xunit;

namespace DockerLsp.Analysis.Tests.Suppression;

/// <summary>Inline suppressions (DockerLsp, hadolint and BuildKit syntaxes) and the edits that add them.</summary>
public sealed class SuppressionTests
{
    private static readonly AnalyzerDriver Driver = new([new RunAnalyzer(), new FromAnalyzer()]);

    private static string[] Ids(string text, AnalysisConfiguration? config = null) =>
        Driver.Analyze(SyntaxTree.Parse(text), config ?? AnalysisConfiguration.Default).Select(d => d.Id + "@" + text[..d.Span.Start].Count(c => c == '\n')).ToArray();

    [Fact]
    public void Ignore_comment_applies_to_the_instruction_below_only()
    {
        Assert.Equal(["TX002@0", "TX001@3"], Ids("FROM alpine\n# dockerlsp ignore=TX001\nRUN a\nRUN b\n"));
    }

    [Fact]
    public void Ignore_comment_may_sit_in_a_comment_block_but_not_across_a_blank_line()
    {
        Assert.Equal(["TX002@0"], Ids("FROM alpine\n# dockerlsp ignore=TX001 -- reason\n# more words\nRUN a\n"));
        Assert.Equal(["TX002@0", "TX001@3"], Ids("FROM alpine\n# dockerlsp ignore=TX001\n\nRUN a\n"));
    }

    [Fact]
    public void Ignore_covers_continuation_lines_of_the_instruction()
    {
        Assert.Equal(["TX002@0"], Ids("FROM alpine\n# dockerlsp ignore=TX001,TX009\nRUN a \\\n  b\n"));
    }

    [Fact]
    public void Global_ignore_applies_anywhere()
    {
        Assert.Equal(["TX002@0"], Ids("FROM alpine\nRUN a\nRUN b\n# dockerlsp global ignore=TX001\n"));
    }

    [Fact]
    public void Hadolint_pragmas_work_through_aliases()
    {
        Assert.Equal(["TX002@0", "TX001@3"], Ids("FROM alpine\n# hadolint ignore=DL9001\nRUN a\nRUN b\n"));
        Assert.Equal(["TX002@1"], Ids("# hadolint global ignore=DL9001\nFROM alpine\nRUN a\n"));
    }

    [Fact]
    public void BuildKit_check_skip_works_through_aliases()
    {
        Assert.Equal(["TX002@1"], Ids("# check=skip=RunSeen\nFROM alpine\nRUN a\n"));
        Assert.Equal(["TX002@1"], Ids("# check=skip=all\nFROM alpine\nRUN a\n")); // TX002 has no BuildKit alias
        Assert.Equal(["TX002@1", "TX001@2"], Ids("# check=skip=runseen\nFROM alpine\nRUN a\n")); // names are case-sensitive
    }

    [Fact]
    public void Pragmas_can_be_disabled()
    {
        var config = AnalysisConfiguration.Default.WithInlineSuppressions(false);
        Assert.Equal(["TX002@0", "TX001@2"], Ids("FROM alpine\n# dockerlsp ignore=TX001\nRUN a\n", config));
    }

    [Fact]
    public void Parse_errors_cannot_be_suppressed()
    {
        var diagnostics = Driver.Analyze(SyntaxTree.Parse("FROM alpine\n# dockerlsp ignore=DF101\nFORM x\n"), AnalysisConfiguration.Default);
        Assert.Contains(diagnostics, d => d.Id == "DF101");
    }

    [Fact]
    public void Suppressed_diagnostics_are_reported_separately()
    {
        var result = Driver.AnalyzeWithDetails(DockerfileDocument.Create("FROM alpine\n# dockerlsp ignore=TX001\nRUN a\n"), AnalysisConfiguration.Default);
        Assert.Equal("TX001", Assert.Single(result.SuppressedDiagnostics).Id);
    }

    [Theory]
    [InlineData("FROM alpine\nRUN a\n", SuppressionScope.Instruction, "FROM alpine\n# dockerlsp ignore=TX001\nRUN a\n")]
    [InlineData("FROM alpine\n  RUN a\n", SuppressionScope.Instruction, "FROM alpine\n  # dockerlsp ignore=TX001\n  RUN a\n")]
    [InlineData("FROM alpine\n# dockerlsp ignore=DF201\nRUN a\n", SuppressionScope.Instruction, "FROM alpine\n# dockerlsp ignore=DF201,TX001\nRUN a\n")]
    [InlineData("FROM alpine\n# dockerlsp ignore=TX001\nRUN a\n", SuppressionScope.Instruction, "FROM alpine\n# dockerlsp ignore=TX001\nRUN a\n")]
    [InlineData("FROM alpine\nRUN a\n", SuppressionScope.File, "# dockerlsp global ignore=TX001\nFROM alpine\nRUN a\n")]
    [InlineData("# syntax=docker/dockerfile:1\nFROM alpine\nRUN a\n", SuppressionScope.File, "# syntax=docker/dockerfile:1\n# dockerlsp global ignore=TX001\nFROM alpine\nRUN a\n")]
    [InlineData("FROM alpine\nRUN a\n# dockerlsp global ignore=X1 because\n", SuppressionScope.File, "FROM alpine\nRUN a\n# dockerlsp global ignore=X1,TX001 because\n")]
    [InlineData("FROM alpine\r\nRUN a\r\n", SuppressionScope.Instruction, "FROM alpine\r\n# dockerlsp ignore=TX001\r\nRUN a\r\n")]
    [InlineData("\uFEFFFROM alpine\nRUN a", SuppressionScope.File, "\uFEFF# dockerlsp global ignore=TX001\nFROM alpine\nRUN a")]
    public void Suppression_edits_insert_or_merge(string text, SuppressionScope scope, string expected)
    {
        var document = DockerfileDocument.Create(text);
        var diagnostic = Driver.Analyze(document, AnalysisConfiguration.Default.WithInlineSuppressions(false)).First(d => d.Id == "TX001");
        var changes = SuppressionService.GetSuppressionEdits(document, diagnostic, scope);
        var result = changes.ApplyTo(document.Text).ToString();
        Assert.Equal(expected, result);
        Assert.DoesNotContain(Driver.Analyze(DockerfileDocument.Create(result), AnalysisConfiguration.Default), d => d.Id == "TX001" && d.Span.Start >= result.IndexOf("RUN", StringComparison.Ordinal));
    }
}
