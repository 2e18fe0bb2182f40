using System.CommandLine;
using DockerLsp.Analysis;
using DockerLsp.Cli.Output;
using DockerLsp.Cli.Output.Formatters;
using DockerLsp.Cli.Registry;
using DockerLsp.Features.Images;

namespace DockerLsp.Cli.Commands;

/// <summary>
/// <c>dockerlsp check [PATH...] [--format text|json|sarif|checkstyle|github] [--severity-threshold LEVEL] [--no-color]
/// [--config FILE] [--no-config] [--ignore ID]... [--severity ID=LEVEL]... [--check-digests [--insecure-registry HOST[:PORT]]...
/// [--offline]]</c>: analyses Dockerfiles (files, directories searched for Dockerfiles, <c>-</c> for standard input) and reports
/// findings; with <c>--check-digests</c> also DF506 (pinned digests whose tag moved), asking the registries. Exit 0 when nothing reaches the threshold (default: the
/// configuration's failure-threshold, else error), 1 when something does, 2 on usage, read or configuration errors (docs/cli.md).
/// </summary>
public static class CheckCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths") { Description = "Dockerfiles or directories to search (default: the current directory); - reads standard input.", Arity = ArgumentArity.ZeroOrMore };
        var format = new Option<string>("--format", "-f") { Description = "Output format.", DefaultValueFactory = _ => ReportFormats.Text, HelpName = string.Join('|', ReportFormats.All) };
        format.AcceptOnlyFromAmong(ReportFormats.All);
        var threshold = new Option<string?>("--severity-threshold", "-t") { Description = "The lowest severity that fails the run (error, warning, info, hint).", HelpName = "error|warning|info|hint" };
        threshold.AcceptOnlyFromAmong("error", "warning", "info", "hint", "style");
        var noColor = new Option<bool>("--no-color") { Description = "Never colour the text output (colour is used only on a terminal, and not when NO_COLOR is set)." };
        var options = CheckOptions.CreateConfigurationOptions();
        var registry = new RegistryCliOptions();
        var command = new Command("check", "Check Dockerfiles and report problems.") { paths, format, threshold, noColor, registry.CheckDigests };
        foreach (var option in options.All) command.Options.Add(option);
        foreach (var option in registry.All) command.Options.Add(option);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!options.TryRead(result, out var settings, out var error))
            {
                console.Error.WriteLine($"dockerlsp: {error}");
                return ExitCodes.UsageError;
            }
            var thresholdValue = result.GetValue(threshold);
            // The registry is contacted only for the opt-in digest check; a plain check stays offline.
            var (imageRegistry, client) = result.GetValue(registry.CheckDigests) ? RegistryCliOptions.Create(registry.Read(result)) : (null, null);
            using (client)
            {
                return await RunAsync(console, result.GetValue(paths) ?? [], result.GetRequiredValue(format),
                    thresholdValue is null ? null : ParseThreshold(thresholdValue), result.GetValue(noColor), settings, cancellationToken, imageRegistry).ConfigureAwait(false);
            }
        });
        return command;
    }

    /// <summary>Runs the check; with <paramref name="digestRegistry"/>, pinned digests are also checked against their tags (DF506).</summary>
    public static async Task<int> RunAsync(CliConsole console, IReadOnlyList<string> paths, string format, DiagnosticSeverity? threshold, bool noColor,
        CheckSettings settings, CancellationToken cancellationToken, IImageRegistry? digestRegistry = null)
    {
        var loader = new ConfigurationLoader(settings.HadolintConfigPath, settings.Explicit, settings.SearchConfigurationFiles);
        var report = await CheckSession.RunAsync(console, paths, loader, computeFixEdits: format == ReportFormats.Sarif, cancellationToken, digestRegistry).ConfigureAwait(false);

        foreach (var error in report.ReadErrors) console.Error.WriteLine($"dockerlsp: {error}");
        foreach (var warning in report.Warnings) console.Error.WriteLine($"dockerlsp: {warning}");
        foreach (var problem in report.ConfigurationProblems) console.Error.WriteLine($"dockerlsp: configuration: {problem}");

        var color = !noColor && !console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null or "";
        ReportFormats.Create(format, color).Write(console.Out, report);

        if (report.ReadErrors.Count > 0 || report.ConfigurationProblems.Any(p => p.Severity == ConfigurationProblemSeverity.Error)) return ExitCodes.UsageError;
        var failed = report.Files.Any(file =>
        {
            var limit = threshold ?? FileThreshold(loader, file);
            return file.Findings.Any(f => f.Diagnostic.Severity >= limit);
        });
        return failed ? ExitCodes.FindingsReported : ExitCodes.Success;
    }

    private static DiagnosticSeverity FileThreshold(ConfigurationLoader loader, FileReport file) =>
        loader.For(file.DisplayPath == "<stdin>" ? "-" : file.DisplayPath).FailureThreshold ?? DiagnosticSeverity.Error;

    internal static DiagnosticSeverity ParseThreshold(string value) =>
        SeverityNames.TryParse(value, out var severity) && severity.ToDiagnosticSeverity() is { } parsed ? parsed : DiagnosticSeverity.Error;
}
