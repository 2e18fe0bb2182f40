using System.CommandLine;
using DockerLsp.Features.Diagnostics;
using DockerLsp.Cli.Registry;
using DockerLsp.Registry;
using DockerLsp.Server;
using DockerLsp.Server.Hosting;
using Serilog;
using Serilog.Events;

namespace DockerLsp.Cli.Commands;

/// <summary>
/// <c>dockerlsp serve [--stdio] [--log-file PATH] [--log-level LEVEL] [--clientProcessId N] [--syntax-only] [--insecure-registry HOST:PORT]... [--offline]</c>: runs the language server
/// over standard input and output. stdout is the LSP channel, so logs go to stderr (and to the file when given). A
/// repeated <c>--stdio</c> is accepted (VS Code's client appends one). The exit code is the LSP one: 0 after
/// shutdown + exit, 1 otherwise.
/// </summary>
public static class ServeCommand
{
    public static Command Create(CliConsole console)
    {
        var stdio = new Option<bool>("--stdio") { Description = "Communicate over stdin/stdout (the default and only transport).", Arity = ArgumentArity.ZeroOrOne, AllowMultipleArgumentsPerToken = false };
        var logFile = new Option<string?>("--log-file") { Description = "Also write the log to this file.", HelpName = "PATH" };
        var logLevel = new Option<string>("--log-level")
        {
            Description = "Minimum log level: Verbose, Debug, Information, Warning, Error or Fatal.",
            DefaultValueFactory = _ => "Information",
            HelpName = "LEVEL",
        };
        var clientProcessId = new Option<int?>("--clientProcessId") { Description = "Exit when this process (the editor) exits.", HelpName = "N" };
        var syntaxOnly = new Option<bool>("--syntax-only") { Description = "Report parser diagnostics only, without the rule catalogue (to tell server overhead from rule cost)." };
        var noWarmUp = new Option<bool>("--no-warm-up") { Description = "Skip the warm-up after initialize (a sample analysed in the background so the first keystrokes run optimised code)." };
        var command = new Command("serve", "Run the language server over stdio.") { stdio, logFile, logLevel, clientProcessId, syntaxOnly, noWarmUp };
        var registry = new RegistryCliOptions();
        foreach (var option in registry.All) command.Options.Add(option);
        // Editors may pass --stdio twice (VS Code appends it to the configured arguments): tolerate repeats.
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((result, cancellationToken) => RunAsync(console, result.GetValue(logFile), result.GetValue(logLevel), result.GetValue(clientProcessId), result.GetValue(syntaxOnly), cancellationToken, registry.Read(result),
            warmUp: !result.GetValue(noWarmUp)));
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, string? logFile, string? logLevel, int? clientProcessId, bool syntaxOnly, CancellationToken cancellationToken,
        RegistryClientOptions? registry = null, bool warmUp = true)
    {
        LogLevels.Apply(logLevel);
        var configuration = new LoggerConfiguration()
            .MinimumLevel.ControlledBy(LogLevels.Switch)
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, outputTemplate: "[{Timestamp:HH:mm:ss.fff} {Level:u3}] {Message:lj}{NewLine}{Exception}");
        if (!string.IsNullOrEmpty(logFile)) configuration = configuration.WriteTo.File(logFile, shared: true);
        await using var log = configuration.CreateLogger();
        log.Information("dockerlsp serve starting (process {ProcessId})", Environment.ProcessId);
        // Never write to console.Out from here on: stdout carries LSP frames only.
        await using var input = Console.OpenStandardInput();
        await using var output = Console.OpenStandardOutput();
        // stdin is read on a thread of its own, not on a thread-pool worker parked in read(2) for the whole session.
        var stdin = new DedicatedThreadInput(input);
        var options = new LanguageServerOptions
        {
            ClientProcessId = clientProcessId,
            Engine = syntaxOnly ? new SyntaxAnalysisEngine() : null,
            WarmUp = warmUp,
            CollectGarbageWhenIdle = true,
            // The registry client is built from the command line plus the editor's dockerlsp.registry.* settings (rebuilt when they change).
            ImageRegistryFactory = RegistryCliOptions.ServerFactory(registry ?? new RegistryClientOptions()),
        };
        await using var server = new LanguageServer(stdin.Stream, output, options, log);
        var code = await server.RunAsync(cancellationToken).ConfigureAwait(false);
        log.Information("dockerlsp serve exiting with code {Code}", code);
        return code;
    }
}
