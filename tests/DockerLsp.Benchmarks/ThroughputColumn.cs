using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace DockerLsp.Benchmarks;

/// <summary>
/// A summary column "MB/s": the real-world corpus's size in bytes (10^6 bytes = 1 MB) divided by the benchmark's
/// mean time. It runs in the host process, which has not run the benchmark's setup, so it measures the corpus itself.
/// </summary>
public sealed class ThroughputColumn : IColumn
{
    private static readonly Lazy<long> s_corpusBytes = new(() => BenchmarkInputs.RealWorldFiles().Sum(b => (long)b.Length));

    public string Id => nameof(ThroughputColumn);
    public string ColumnName => "MB/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => $"Corpus size ({s_corpusBytes.Value:N0} bytes) / mean time, in 10^6 bytes per second";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null || statistics.Mean <= 0) return "NA";
        var seconds = statistics.Mean / 1e9;
        return (s_corpusBytes.Value / 1e6 / seconds).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) => true;
}

/// <summary>Adds <see cref="ThroughputColumn"/> to a benchmark class's summary.</summary>
public sealed class ThroughputConfig : ManualConfig
{
    public ThroughputConfig() => AddColumn(new ThroughputColumn());
}
