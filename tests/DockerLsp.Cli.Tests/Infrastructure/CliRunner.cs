using System.Text;

namespace DockerLsp.Cli.Tests.Infrastructure;

/// <summary>What one in-process run of <c>dockerlsp</c> produced.</summary>
public sealed record CliResult(int ExitCode, string StandardOutput, string StandardError, byte[] StandardOutputBytes);

/// <summary>Runs the real command line (<see cref="Program.RunAsync"/>) in-process against a <see cref="TestConsole"/>.</summary>
public static class CliRunner
{
    public static CliResult Run(params string[] args) => Run(new TestConsole(), args);

    public static CliResult RunWithInput(string standardInput, params string[] args) =>
        Run(new TestConsole(Encoding.UTF8.GetBytes(standardInput)), args);

    public static CliResult Run(TestConsole console, params string[] args)
    {
        var exitCode = Program.RunAsync(args, console).GetAwaiter().GetResult();
        return new CliResult(exitCode, console.StandardOutput, console.StandardError, console.StandardOutputBytes);
    }
}
