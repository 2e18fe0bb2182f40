using System.CommandLine;
using System.CommandLine.Invocation;
using DockerLsp.Cli.Commands;

namespace DockerLsp.Cli;

/// <summary>
/// Entry point of the <c>dockerlsp</c> executable: builds the root command, registers one subcommand per line and maps
/// usage errors and crashes to the exit codes in <see cref="ExitCodes"/>. Tests call <see cref="RunAsync"/> in-process
/// with a test <see cref="CliConsole"/>.
/// </summary>
public static class Program
{
    public static Task<int> Main(string[] args)
    {
        // The language server's JSON-RPC stack takes longer to initialise than the command line and the logger together: start
        // it on another core now, so that `serve` answers `initialize` sooner (docs/performance.md, "Startup").
        if (RewriteBareStdio(args) is ["serve", ..]) _ = Task.Run(Server.LanguageServer.Preload);
        return RunAsync(args, CliConsole.CreateSystem());
    }

    /// <summary>The root command with every subcommand. Adding a command is one line here plus its own file in Commands/.</summary>
    public static RootCommand CreateRootCommand(CliConsole console)
    {
        var root = new RootCommand("DockerLsp: a language server and command-line tools for Dockerfiles.");
        root.Subcommands.Add(ParseCommand.Create(console));
        root.Subcommands.Add(ServeCommand.Create(console));
        root.Subcommands.Add(CheckCommand.Create(console));
        root.Subcommands.Add(FixCommand.Create(console));
        root.Subcommands.Add(RulesCommand.Create(console));
        root.Subcommands.Add(ExplainCommand.Create(console));
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        try
        {
            var root = CreateRootCommand(console);
            var result = root.Parse(RewriteBareStdio(args));
            if (result.Action is ParseErrorAction) return ReportUsageErrors(result, console);
            var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
            return await result.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A crash is a bug, not a finding: keep it apart from exit code 1 so that scripts do not mistake one for the other.
            await console.Error.WriteLineAsync($"dockerlsp: internal error: {exception}").ConfigureAwait(false);
            return ExitCodes.InternalError;
        }
        finally
        {
            await console.FlushAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Editors start language servers as <c>dockerlsp --stdio</c> (vscode-languageclient appends <c>--stdio</c>), so a
    /// leading bare <c>--stdio</c> means <c>serve --stdio</c>. The <c>serve</c> command lives in Commands/ServeCommand.cs.
    /// </summary>
    public static string[] RewriteBareStdio(string[] args) =>
        args.Length > 0 && args[0] == "--stdio" ? ["serve", .. args] : args;

    private static int ReportUsageErrors(ParseResult result, CliConsole console)
    {
        foreach (var error in result.Errors) console.Error.WriteLine($"dockerlsp: {error.Message}");
        console.Error.WriteLine("Run 'dockerlsp --help' for usage.");
        return ExitCodes.UsageError;
    }
}

/// <summary>Process exit codes shared by every command; documented in docs/cli.md.</summary>
public static class ExitCodes
{
    /// <summary>Success, and no error-severity finding.</summary>
    public const int Success = 0;
    /// <summary>The command ran, and the input has at least one error-severity finding.</summary>
    public const int FindingsReported = 1;
    /// <summary>Bad command line, or an input that could not be read (missing file, directory, permission denied).</summary>
    public const int UsageError = 2;
    /// <summary>An unexpected exception: a bug in dockerlsp.</summary>
    public const int InternalError = 3;
}
