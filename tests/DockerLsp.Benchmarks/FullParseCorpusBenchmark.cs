using BenchmarkDotNet.Attributes;
using DockerLsp.Syntax;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Benchmarks;

/// <summary>
/// Full parse of all 290 real-world corpus files per operation (about 0.9 MB). <see cref="ParseCorpus"/> starts from
/// decoded texts (the parser alone); <see cref="DecodeAndParseCorpus"/> adds UTF-8 decoding, which is what the CLI does
/// per file. The MB/s column is the corpus's UTF-8 size divided by the mean time.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(warmupCount: 3, iterationCount: 10)]
[MedianColumn]
[Config(typeof(ThroughputConfig))]
public class FullParseCorpusBenchmark
{
    private IReadOnlyList<byte[]> _bytes = [];
    private SourceText[] _texts = [];

    [GlobalSetup]
    public void Setup()
    {
        _bytes = BenchmarkInputs.RealWorldFiles();
        _texts = _bytes.Select(b => SourceText.FromUtf8(b)).ToArray();
        if (_texts.Length != 290) throw new InvalidOperationException($"expected 290 corpus files, found {_texts.Length}");
    }

    [Benchmark(Baseline = true)]
    public int ParseCorpus()
    {
        var instructions = 0;
        foreach (var text in _texts) instructions += SyntaxTree.Parse(text).Root.SlotCount;
        return instructions;
    }

    [Benchmark]
    public int DecodeAndParseCorpus()
    {
        var instructions = 0;
        foreach (var bytes in _bytes) instructions += SyntaxTree.Parse(SourceText.FromUtf8(bytes)).Root.SlotCount;
        return instructions;
    }
}
