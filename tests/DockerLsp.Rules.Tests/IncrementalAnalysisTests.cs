using System.Globalization;
using System.Text;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;
using DockerLsp.TestUtilities;
using Xunit;
using Xunit.Abstractions;

namespace DockerLsp.Rules.Tests;

/// <summary>
/// The incremental driver against the from-scratch one, with every rule of the catalogue: after any sequence of edits, an
/// analysis that reuses unchanged stages from an <see cref="AnalysisCache"/> (on an incrementally reparsed tree) must report
/// exactly what a fresh analysis of a freshly parsed tree reports — spans, messages, related locations and properties. This
/// is what holds every stage-scoped rule to the contract of <see cref="AnalysisContext"/>. Edits are random (seed logged;
/// set DOCKERLSP_INCREMENTAL_SEED to replay, DOCKERLSP_INCREMENTAL_EDITS for more edits per file) and include line breaks, so that rules citing line numbers are exercised too.
/// </summary>
public sealed class IncrementalAnalysisTests(ITestOutputHelper output)
{
    /// <summary>Edits per corpus file; DOCKERLSP_INCREMENTAL_EDITS raises it for a longer soak run.</summary>
    private static readonly int EditsPerFile = int.TryParse(Environment.GetEnvironmentVariable("DOCKERLSP_INCREMENTAL_EDITS"), out var edits) && edits > 0 ? edits : 6;

    [Fact]
    public void Random_edits_on_the_corpus_give_the_same_findings_with_the_cache_as_without()
    {
        var seed = Environment.GetEnvironmentVariable("DOCKERLSP_INCREMENTAL_SEED") is { } configured
            ? int.Parse(configured, CultureInfo.InvariantCulture)
            : Environment.TickCount;
        output.WriteLine($"seed {seed} (replay with DOCKERLSP_INCREMENTAL_SEED={seed})");
        var random = new Random(seed);
        var failures = new List<string>();
        var reusedStages = 0;
        foreach (var path in Corpus.RealWorldFiles())
        {
            var text = File.ReadAllText(path);
            var cache = new AnalysisCache();
            var tree = SyntaxTree.Parse(SourceText.From(text));
            var log = new List<string>();
            for (var step = 0; step <= EditsPerFile; step++)
            {
                if (step > 0)
                {
                    var change = RandomEdit(random, tree.Text.ToString());
                    log.Add($"{change.Span} -> {Escape(change.NewText)}");
                    tree = tree.WithChangedText(tree.Text.WithChanges(change));
                }
                var difference = Compare(tree, cache);
                reusedStages += cache.LastRun.Reused;
                if (difference is null) continue;
                failures.Add($"{Path.GetFileName(path)} after edits [{string.Join(", ", log)}]:\n{difference}");
                break;
            }
        }
        output.WriteLine($"stages reused from the cache: {reusedStages}");
        Assert.True(failures.Count == 0, $"seed {seed}: {failures.Count} file(s) differ\n" + string.Join("\n\n", failures.Take(5)));
        Assert.True(reusedStages > 0, "the cache was never used");
    }

    [Fact]
    public void Editing_inside_one_stage_reanalyses_that_stage_only()
    {
        var text = GenerateStages(40);
        var cache = new AnalysisCache();
        var tree = SyntaxTree.Parse(SourceText.From(text));
        Assert.Null(Compare(tree, cache));
        Assert.Equal((0, 40), cache.LastRun);

        // A character typed into the RUN line of stage 20.
        var position = text.IndexOf("echo stage-20", StringComparison.Ordinal);
        tree = tree.WithChangedText(tree.Text.WithChanges(new TextChange(new TextSpan(position, 0), "x")));
        Assert.Null(Compare(tree, cache));
        Assert.Equal((39, 1), cache.LastRun);

        // A line break in stage 5 moves every later stage down a line: their findings move with them.
        position = tree.Text.ToString().IndexOf("echo stage-5\n", StringComparison.Ordinal);
        tree = tree.WithChangedText(tree.Text.WithChanges(new TextChange(new TextSpan(position + 4, 0), " \\\n   ")));
        Assert.Null(Compare(tree, cache));
        Assert.Equal((39, 1), cache.LastRun);
    }

    [Fact]
    public void Editing_a_FROM_line_or_the_configuration_reanalyses_every_stage()
    {
        var tree = SyntaxTree.Parse(SourceText.From(GenerateStages(12)));
        var cache = new AnalysisCache();
        Assert.Null(Compare(tree, cache));

        var position = tree.Text.ToString().IndexOf("AS stage-3", StringComparison.Ordinal) + "AS stage-3".Length;
        tree = tree.WithChangedText(tree.Text.WithChanges(new TextChange(new TextSpan(position, 0), "b")));
        Assert.Null(Compare(tree, cache));
        Assert.Equal((0, 12), cache.LastRun);

        var quieter = AnalysisConfiguration.Default.WithRuleSeverity("DF601", RuleSeverity.Off, "test");
        Assert.Null(Compare(tree, cache, quieter));
        Assert.Equal((0, 12), cache.LastRun);
        Assert.Null(Compare(tree, cache, quieter));
        Assert.Equal((12, 0), cache.LastRun);
    }

    [Fact]
    public void A_change_of_a_declared_document_input_reanalyses_every_stage()
    {
        // DF601's majority casing is a document input: five upper-case keywords against four lower-case ones in four stages,
        // until one more keyword of stage a is lower-cased: stages b, c and d are unchanged, yet their findings flip.
        var text = "FROM alpine:3 AS a\nRUN echo a\nWORKDIR /a\n\nfrom alpine:3 as b\nrun echo b\n\n"
            + "FROM alpine:3 AS c\nrun echo c\n\nFROM alpine:3 AS d\nrun echo d\n";
        var tree = SyntaxTree.Parse(SourceText.From(text));
        var cache = new AnalysisCache();
        Assert.Null(Compare(tree, cache));
        Assert.Contains(RuleCatalog.Driver.Analyze(tree, AnalysisConfiguration.Default), d => d.Id == "DF601" && d.Message.StartsWith("'from'", StringComparison.Ordinal));

        // An edit in stage a that keeps the majority: only stage a is analysed again.
        var position = text.IndexOf("echo a", StringComparison.Ordinal) + "echo ".Length;
        tree = tree.WithChangedText(tree.Text.WithChanges(new TextChange(new TextSpan(position, 0), "x")));
        Assert.Null(Compare(tree, cache));
        Assert.Equal((3, 1), cache.LastRun);

        position = tree.Text.ToString().IndexOf("WORKDIR /a", StringComparison.Ordinal);
        tree = tree.WithChangedText(tree.Text.WithChanges(new TextChange(new TextSpan(position, 7), "workdir")));
        Assert.Null(Compare(tree, cache));
        Assert.Equal((0, 4), cache.LastRun);
        Assert.Contains(RuleCatalog.Driver.Analyze(tree, AnalysisConfiguration.Default), d => d.Id == "DF601" && d.Message.StartsWith("'FROM'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cancelled_analysis_leaves_the_cache_as_it_was()
    {
        var tree = SyntaxTree.Parse(SourceText.From(GenerateStages(8)));
        var cache = new AnalysisCache();
        Assert.Null(Compare(tree, cache));
        var position = tree.Text.ToString().IndexOf("echo stage-2", StringComparison.Ordinal);
        var edited = tree.WithChangedText(tree.Text.WithChanges(new TextChange(new TextSpan(position, 0), "y")));
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() =>
            RuleCatalog.Driver.AnalyzeWithDetails(new DockerfileDocument(edited), AnalysisConfiguration.Default, cache, cancelled.Token));
        Assert.Null(Compare(edited, cache));
        Assert.Equal((7, 1), cache.LastRun);
    }

    /// <summary>Null when the cached analysis of <paramref name="tree"/> equals a fresh one, else a readable difference.</summary>
    private static string? Compare(SyntaxTree tree, AnalysisCache cache, AnalysisConfiguration? configuration = null)
    {
        configuration ??= AnalysisConfiguration.Default;
        var incremental = RuleCatalog.Driver.AnalyzeWithDetails(new DockerfileDocument(tree), configuration, cache);
        var fresh = RuleCatalog.Driver.AnalyzeWithDetails(new DockerfileDocument(SyntaxTree.Parse(SourceText.From(tree.Text.ToString()))), configuration);
        var expected = Describe(fresh);
        var actual = Describe(incremental);
        if (expected.SequenceEqual(actual)) return null;
        var missing = expected.Except(actual).Select(d => "  missing: " + d);
        var extra = actual.Except(expected).Select(d => "  extra:   " + d);
        return string.Join("\n", missing.Concat(extra).Take(12)) + (missing.Any() || extra.Any() ? "" : "\n  (same findings, different order or multiplicity)");
    }

    private static List<string> Describe(AnalysisResult result) =>
        result.Diagnostics.Select(d => "visible " + Describe(d)).Concat(result.SuppressedDiagnostics.Select(d => "suppressed " + Describe(d))).ToList();

    private static string Describe(Diagnostic diagnostic) =>
        $"{diagnostic} | related: {string.Join("; ", diagnostic.AdditionalLocations.Select(l => $"{l.Span} {l.Message}"))}"
        + $" | properties: {string.Join("; ", diagnostic.Properties.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"))}";

    /// <summary>A small random edit: typing, deleting, line breaks, continuations, whole lines and (rarely) a new stage.</summary>
    private static TextChange RandomEdit(Random random, string text)
    {
        var position = random.Next(text.Length + 1);
        string[] typed = ["x", " ", "\n", "\\", "$", "#", "\"", "=", "-", "{", "}", "A", "\t", " \\\n  ", "\nRUN echo added\n", "\nENV ADDED=1\n"];
        switch (random.Next(10))
        {
            case 0 or 1:
                var length = Math.Min(random.Next(1, 4), text.Length - position);
                return new TextChange(new TextSpan(position, length), string.Empty);
            case 2:
                var lineStart = text.LastIndexOf('\n', Math.Max(0, position - 1)) + 1;
                var lineEnd = text.IndexOf('\n', position);
                lineEnd = lineEnd < 0 ? text.Length : lineEnd + 1;
                return random.Next(2) == 0
                    ? new TextChange(TextSpan.FromBounds(lineStart, lineEnd), string.Empty)
                    : new TextChange(new TextSpan(lineStart, 0), text[lineStart..lineEnd] + (lineEnd == text.Length ? "\n" : ""));
            case 3 when random.Next(4) == 0:
                return new TextChange(new TextSpan(position, 0), "\nFROM alpine:3.20 AS inserted\nRUN echo inserted\n");
            default:
                return new TextChange(new TextSpan(position, 0), typed[random.Next(typed.Length)]);
        }
    }

    /// <summary>A multi-stage file whose stages each carry a few findings (lower-case keyword, MAINTAINER, unpinned base, shell-form CMD).</summary>
    private static string GenerateStages(int count)
    {
        var text = new StringBuilder("# syntax=docker/dockerfile:1\nARG BASE=alpine:3.19\n\n");
        for (var i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"FROM ${{BASE}} AS stage-{i}\n");
            if (i % 3 == 0) text.Append("MAINTAINER someone@example.com\n");
            text.Append("RUN apk add curl && \\\n    rm -rf /var/cache/apk/*\n");
            text.Append(CultureInfo.InvariantCulture, $"run echo stage-{i}\n");
            text.Append("COPY . /app\n");
            text.Append(CultureInfo.InvariantCulture, $"CMD echo {i}\n\n");
        }
        return text.ToString();
    }

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
}
