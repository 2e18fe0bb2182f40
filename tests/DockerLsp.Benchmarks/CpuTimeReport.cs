using System.Globalization;

namespace DockerLsp.Benchmarks;

/// <summary>
/// A load-insensitive cross-check of the BenchmarkDotNet numbers, run with <c>-- --cpu-time</c>: the same workloads,
/// timed by this process's CPU time (<see cref="Environment.CpuUsage"/>) rather than wall-clock time, so that other
/// processes competing for the cores do not inflate the result. It reports the median and the minimum over batches, and
/// the bytes allocated per operation. GC work done on other threads is included in the CPU time, which is fair.
/// </summary>
public static class CpuTimeReport
{
    private const int Batches = 15;
    private static readonly TimeSpan s_batchTarget = TimeSpan.FromMilliseconds(100);

    /// <summary>Runs the report; <paramref name="groups"/> (<c>parse</c>, <c>keystroke</c>) restricts it, empty runs all.</summary>
    public static void Run(TextWriter output, IReadOnlyCollection<string> groups)
    {
        output.WriteLine($"| workload | median CPU/op | min CPU/op | allocated/op | throughput (median) |");
        output.WriteLine($"| --- | ---: | ---: | ---: | ---: |");
        if (groups.Count == 0 || groups.Contains("parse")) RunParse(output);
        if (groups.Count == 0 || groups.Contains("keystroke")) RunKeystroke(output);
    }

    private static void RunParse(TextWriter output)
    {
        var corpus = new FullParseCorpusBenchmark();
        corpus.Setup();
        var corpusBytes = BenchmarkInputs.RealWorldFiles().Sum(b => (long)b.Length);
        Report(output, "ParseCorpus (290 files)", () => corpus.ParseCorpus(), corpusBytes);
        Report(output, "DecodeAndParseCorpus (290 files)", () => corpus.DecodeAndParseCorpus(), corpusBytes);
        foreach (var lines in new[] { 1_000, 10_000 })
        {
            var edit = new IncrementalEditBenchmark { Lines = lines };
            edit.Setup();
            Report(output, $"IncrementalInsert, {lines:N0} lines", () => edit.IncrementalInsert(), null);
            Report(output, $"IncrementalDelete, {lines:N0} lines", () => edit.IncrementalDelete(), null);
            Report(output, $"FullParse, {lines:N0} lines", () => edit.FullParse(), null);
        }
    }

    private static void RunKeystroke(TextWriter output)
    {
        foreach (var lines in new[] { 100, 1_000, 10_000 })
        {
            var analysis = new IncrementalAnalysisBenchmark { Lines = lines };
            analysis.Setup();
            Report(output, $"Keystroke with every rule, {lines:N0} lines", () => analysis.Keystroke(), null);
        }
    }

    private static void Report(TextWriter output, string name, Func<object> operation, long? bytes)
    {
        // Warm up through tiered compilation (tier 0, OSR, tier 1) before measuring.
        var perBatch = Calibrate(operation);
        var samples = new double[Batches];
        long allocated = 0;
        for (var batch = 0; batch < Batches; batch++)
        {
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var before = Environment.CpuUsage.TotalTime;
            for (var i = 0; i < perBatch; i++) GC.KeepAlive(operation());
            samples[batch] = (Environment.CpuUsage.TotalTime - before).TotalNanoseconds / perBatch;
            allocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        }
        Array.Sort(samples);
        var median = samples[Batches / 2];
        var throughput = bytes is { } total ? $"{total / 1e6 / (median / 1e9):F1} MB/s" : "";
        output.WriteLine($"| {name} | {Format(median)} | {Format(samples[0])} | {allocated / (Batches * perBatch) / 1024.0:F1} KB | {throughput} |");
    }

    private static int Calibrate(Func<object> operation)
    {
        var count = 1;
        var warmUntil = Environment.CpuUsage.TotalTime + TimeSpan.FromSeconds(1);
        while (Environment.CpuUsage.TotalTime < warmUntil) GC.KeepAlive(operation());
        while (true)
        {
            var before = Environment.CpuUsage.TotalTime;
            for (var i = 0; i < count; i++) GC.KeepAlive(operation());
            if (Environment.CpuUsage.TotalTime - before >= s_batchTarget) return count;
            count *= 2;
        }
    }

    private static string Format(double nanoseconds) => nanoseconds >= 1e6
        ? (nanoseconds / 1e6).ToString("F2", CultureInfo.InvariantCulture) + " ms"
        : (nanoseconds / 1e3).ToString("F2", CultureInfo.InvariantCulture) + " µs";
}
