using BenchmarkDotNet.Attributes;
using DockerLsp.Analysis;
using DockerLsp.Analysis.Analyzers;
using DockerLsp.Rules;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Benchmarks;

/// <summary>
/// One keystroke with every rule of the catalogue, as the language server handles it minus the protocol: the new text is
/// reparsed incrementally from the previous tree, wrapped in a new document (so the semantic model is rebuilt lazily, as for
/// a new version) and analysed with the document's <see cref="AnalysisCache"/>. Invocations alternate between typing a
/// character into the RUN line nearest the middle of the lspbench document and deleting it again, so each one is a real
/// edit of one stage against the previous analysis. <see cref="FullAnalysis"/> analyses the same version without the cache.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
[MedianColumn]
public class IncrementalAnalysisBenchmark
{
    private readonly AnalysisCache _cache = new();
    private SourceText _inserted = null!;
    private SourceText _deleted = null!;
    private SyntaxTree _current = null!;

    [Params(100, 1_000, 10_000)]
    public int Lines { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var original = BenchmarkInputs.GeneratedDockerfile(Lines);
        var position = IncrementalEditBenchmark.MiddleOfMiddleRunLine(original);
        _inserted = original.WithChanges(TextChange.Insert(position, "x"));
        _deleted = _inserted.WithChanges(TextChange.Delete(new TextSpan(position, 1)));
        _current = SyntaxTree.Parse(_deleted);
        RuleCatalog.Driver.AnalyzeWithDetails(new DockerfileDocument(_current), AnalysisConfiguration.Default, _cache);
        Keystroke();
        if (_cache.LastRun.Analyzed != 1) throw new InvalidOperationException($"expected one stage re-analysed, got {_cache.LastRun}");
    }

    [Benchmark]
    public AnalysisResult Keystroke()
    {
        _current = _current.WithChangedText(ReferenceEquals(_current.Text, _inserted) ? _deleted : _inserted);
        return RuleCatalog.Driver.AnalyzeWithDetails(new DockerfileDocument(_current), AnalysisConfiguration.Default, _cache);
    }

    [Benchmark(Baseline = true)]
    public AnalysisResult FullAnalysis() =>
        RuleCatalog.Driver.AnalyzeWithDetails(new DockerfileDocument(SyntaxTree.Parse(_inserted)), AnalysisConfiguration.Default);
}
