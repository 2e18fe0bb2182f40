using BenchmarkDotNet.Attributes;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Rules;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Benchmarks;

/// <summary>
/// What <c>dockerlsp check</c> does with one very long stage: analyse it with every rule and ask for the first fix of every
/// finding (the report's "fixable"). The shapes are those that were quadratic until 2026-12-07 (docs/performance.md, "Large
/// documents"): <c>run</c> lines only (every rule looks up each instruction's index in its stage), <c>copy-rm</c> (a COPY of a
/// script, then a RUN that runs and deletes it: DF313 read every later RUN for every COPY) and <c>apt-get</c> installs (DF311
/// read every earlier RUN for every install). Compare <see cref="Instructions"/> = 5,000 with 20,000: linear work takes
/// about four times as long.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 1, iterationCount: 5)]
[MedianColumn]
public class LargeStageBenchmark
{
    private DockerfileDocument _document = null!;

    [Params("run", "copy-rm", "apt-get")]
    public string Shape { get; set; } = "run";

    [Params(5_000, 20_000)]
    public int Instructions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _document = new DockerfileDocument(SyntaxTree.Parse(SourceText.From(Generate(Shape, Instructions))));
        if (CheckAndFix() == 0) throw new InvalidOperationException($"the {Shape} document has no findings");
    }

    /// <summary>One stage of <paramref name="count"/> instructions of the given shape (a COPY and its RUN count as two).</summary>
    internal static string Generate(string shape, int count)
    {
        var text = new System.Text.StringBuilder("FROM debian:12-slim\n");
        for (var i = 0; i < count; i++)
        {
            text.Append(shape switch
            {
                "run" => $"RUN echo 'a fairly long line of shell to fill the document up quickly {i}'\n",
                "copy-rm" => i % 2 == 0 ? $"COPY setup-{i}.sh /tmp/setup-{i}.sh\n" : $"RUN sh /tmp/setup-{i - 1}.sh && rm /tmp/setup-{i - 1}.sh\n",
                "apt-get" => $"RUN apt-get update && apt-get install -y pkg-{i}\n",
                _ => throw new ArgumentException($"unknown shape {shape}", nameof(shape)),
            });
        }
        return text.Append("USER app\nCMD [\"bash\"]\n").ToString();
    }

    [Benchmark]
    public int CheckAndFix()
    {
        var fixable = 0;
        foreach (var diagnostic in RuleCatalog.Driver.Analyze(_document, AnalysisConfiguration.Default))
        {
            if (RuleCatalog.CodeFixService.GetFixes(_document, diagnostic).Any()) fixable++;
        }
        return fixable;
    }
}
