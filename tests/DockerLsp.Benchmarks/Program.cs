using BenchmarkDotNet.Running;

namespace DockerLsp.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line, e.g.
/// <c>dotnet run -c Release --project tests/DockerLsp.Benchmarks -- --filter '*'</c>, or the CPU-time cross-check with
/// <c>-- --cpu-time</c> (<see cref="CpuTimeReport"/>; <c>-- --cpu-time parse</c> or <c>-- --cpu-time keystroke</c> runs one group).
/// Results: docs/performance.md.
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args is ["--cpu-time", .. var groups])
        {
            CpuTimeReport.Run(Console.Out, groups);
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
