using System.Diagnostics;
using DockerLsp.TestUtilities;

namespace DockerLsp.Cli.Tests.Infrastructure;

/// <summary>What one run of the real <c>dockerlsp</c> executable produced.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// Finds the built <c>dockerlsp</c> apphost (next to the test assembly, where the SDK copies a referenced executable,
/// or in the Cli project's output for the same configuration; <c>DOCKERLSP_APPHOST</c> overrides both) and runs it as a child process.
/// </summary>
public static class Apphost
{
    private static readonly string s_fileName = OperatingSystem.IsWindows() ? "dockerlsp.exe" : "dockerlsp";

    public static string Path => s_path.Value;

    private static readonly Lazy<string> s_path = new(Locate);

    public static ProcessResult Run(string? standardInput, params string[] args)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + Path);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (standardInput is not null) process.StandardInput.Write(standardInput);
        process.StandardInput.Close();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path} {string.Join(' ', args)} did not exit within 60 s");
        }
        return new ProcessResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    private static string Locate()
    {
        // DOCKERLSP_APPHOST runs these tests against another build, e.g. the trimmed self-contained publish of tests/e2e/lspbench.sh.
        if (Environment.GetEnvironmentVariable("DOCKERLSP_APPHOST") is { Length: > 0 } overridden) return overridden;
        var besideTests = System.IO.Path.Combine(AppContext.BaseDirectory, s_fileName);
        if (File.Exists(besideTests)) return besideTests;
        // bin/<Configuration>/<TargetFramework>/ of the test assembly names the configuration to look for.
        var targetFramework = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
        var inCliOutput = System.IO.Path.Combine(Corpus.RepoRoot, "src", "DockerLsp.Cli", "bin", configuration, targetFramework, s_fileName);
        if (File.Exists(inCliOutput)) return inCliOutput;
        throw new FileNotFoundException($"The dockerlsp apphost was not found; looked at:\n{besideTests}\n{inCliOutput}");
    }
}
