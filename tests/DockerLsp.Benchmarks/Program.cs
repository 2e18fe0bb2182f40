using BenchmarkDotNet.Running;

namespace DockerLsp.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line, e.g.
/// <c>dotnet run -c Release --project tests/DockerLsp.Benchmarks -- --filter '*'</c>. Results: docs/performance.md.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
