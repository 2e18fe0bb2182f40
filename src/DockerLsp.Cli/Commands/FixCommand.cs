using System.CommandLine;
using System.Text;
using DockerLsp.Analysis;
using DockerLsp.Analysis.CodeFixes;
using DockerLsp.Cli.Commands.Parse;
using DockerLsp.Cli.Output;
using DockerLsp.Cli.Registry;
using DockerLsp.Features.Images;
using DockerLsp.Rules;
using DockerLsp.Syntax;
using DockerLsp.Server.Hosting;

namespace DockerLsp.Cli.Commands;

/// <summary>
/// <c>dockerlsp fix [PATH...] [--rule ID]... [--dry-run]</c> plus the configuration options of <c>check</c>: applies every available
/// fix (or only those of the given rules) until none applies, writes the files back and creates or extends other files a fix
/// asks for (such as <c>.dockerignore</c>). <c>--dry-run</c> prints a unified diff and changes nothing. Standard input (<c>-</c>)
/// is written fixed to standard output. Exit 0 on success (with <c>--dry-run</c>: 1 when something would change), 2 on usage,
/// read, write or configuration errors. With <c>--rule DF501</c> every external image (FROM, <c>COPY --from</c>,
/// <c>RUN --mount=from=</c>) is pinned to its registry digest through <see cref="ImagePinService"/> (the editor's code), honouring
/// <c>--insecure-registry</c> and <c>--offline</c>; a registry failure is reported and exits 2, a reference with unresolved
/// variables is reported and skipped.
/// </summary>
public static class FixCommand
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths") { Description = "Dockerfiles or directories to search (default: the current directory); - reads standard input.", Arity = ArgumentArity.ZeroOrMore };
        var rules = new Option<string[]>("--rule", "-r") { Description = "Only apply fixes for this rule (ID or alias); repeatable.", HelpName = "rule" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print a unified diff of the changes instead of writing them." };
        var options = CheckOptions.CreateConfigurationOptions();
        var registry = new RegistryCliOptions();
        var command = new Command("fix", "Apply automatic fixes to Dockerfiles.") { paths, rules, dryRun };
        foreach (var option in options.All) command.Options.Add(option);
        foreach (var option in registry.All) command.Options.Add(option);
        command.SetAction(async (result, cancellationToken) =>
        {
            if (!options.TryRead(result, out var settings, out var error))
            {
                console.Error.WriteLine($"dockerlsp: {error}");
                return ExitCodes.UsageError;
            }
            var (imageRegistry, client) = RegistryCliOptions.Create(registry.Read(result));
            using (client)
            {
                return await RunAsync(console, result.GetValue(paths) ?? [], result.GetValue(rules) ?? [], result.GetValue(dryRun), settings, cancellationToken, imageRegistry).ConfigureAwait(false);
            }
        });
        return command;
    }

    public static async Task<int> RunAsync(CliConsole console, IReadOnlyList<string> paths, IReadOnlyList<string> rules, bool dryRun, CheckSettings settings, CancellationToken cancellationToken,
        IImageRegistry? imageRegistry = null)
    {
        var unknown = rules.Where(r => RuleCatalog.Find(r) is null).ToArray();
        if (unknown.Length > 0)
        {
            console.Error.WriteLine($"dockerlsp: unknown rule {string.Join(", ", unknown)}; run 'dockerlsp rules' for the list");
            return ExitCodes.UsageError;
        }
        var selected = rules.Select(r => RuleCatalog.Find(r)!.Id).ToHashSet(StringComparer.Ordinal);
        Func<Diagnostic, bool>? filter = selected.Count == 0 ? null : d => selected.Contains(d.Id);
        var loader = new ConfigurationLoader(settings.HadolintConfigPath, settings.Explicit, settings.SearchConfigurationFiles);
        var failed = false;
        var changedAny = false;
        var totalFixed = 0;
        foreach (var path in DockerfileDiscovery.Expand(paths.Count == 0 ? ["."] : paths))
        {
            if (!SourceLoader.TryLoad(console, path, out var source, out var error))
            {
                console.Error.WriteLine($"dockerlsp: {error}");
                failed = true;
                continue;
            }
            var configuration = loader.For(path);
            foreach (var problem in configuration.Problems) console.Error.WriteLine($"dockerlsp: configuration: {problem}");
            if (configuration.HasErrors) failed = true;

            var isStandardInput = path == SourceLoader.StandardInputName;
            var contextRoot = isStandardInput ? Directory.GetCurrentDirectory() : Path.GetDirectoryName(Path.GetFullPath(path))!;
            var document = new DockerfileDocument(SyntaxTree.Parse(source.Text, cancellationToken: cancellationToken), source.DisplayPath, DiskBuildContext.ForDirectory(contextRoot));
            var result = await RuleCatalog.FixAllService.FixDocumentAsync(document, RuleCatalog.Driver, configuration, filter, cancellationToken: cancellationToken).ConfigureAwait(false);
            var oldText = document.Text.ToString();
            var newText = result.NewText.ToString();
            var fixedCount = result.FixedCount;
            // Pinning needs the registry, so it runs here (the host) after the offline fixes rather than as a CodeFixProvider.
            if (imageRegistry is not null && selected.Contains(PinRuleId))
            {
                var pinned = await PinImagesAsync(console, imageRegistry, newText, source.DisplayPath, cancellationToken).ConfigureAwait(false);
                newText = pinned.Text;
                fixedCount += pinned.Count;
                failed |= pinned.Failed;
            }
            var changed = oldText != newText || !result.FileEdits.IsEmpty;
            changedAny |= changed;
            totalFixed += fixedCount;

            if (dryRun)
            {
                console.Out.Write(UnifiedDiff.Create(Positions(source.DisplayPath), oldText, newText));
                foreach (var edit in result.FileEdits)
                {
                    console.Out.Write(UnifiedDiff.Create(Positions(Path.Combine(Path.GetDirectoryName(source.DisplayPath) ?? "", edit.RelativePath)), "", edit.Text));
                }
                continue;
            }
            if (isStandardInput)
            {
                console.Out.Write(newText);
                continue;
            }
            if (!TryWrite(console, path, oldText, newText, result.FileEdits, contextRoot)) failed = true;
            else if (changed) console.Error.WriteLine($"dockerlsp: {source.DisplayPath}: fixed {fixedCount} problem{(fixedCount == 1 ? "" : "s")}");
        }
        if (failed) return ExitCodes.UsageError;
        return dryRun && changedAny ? ExitCodes.FindingsReported : ExitCodes.Success;
    }

    private const string PinRuleId = "DF501";

    /// <summary>Pins every external image of <paramref name="text"/>; refusals and registry failures go to stderr with their line.</summary>
    private static async Task<(string Text, int Count, bool Failed)> PinImagesAsync(CliConsole console, IImageRegistry registry, string text, string displayPath, CancellationToken cancellationToken)
    {
        var document = DockerfileDocument.Create(text);
        var result = await new ImagePinService(registry).PinAllAsync(document, updateStale: false, cancellationToken).ConfigureAwait(false);
        var failed = false;
        foreach (var failure in result.Failures)
        {
            var line = text.AsSpan(0, failure.Image.Span.Start).Count('\n') + 1;
            console.Error.WriteLine($"dockerlsp: {displayPath}:{line}: not pinned: {failure.FailureReason}");
            failed |= failure.Image.RefusalReason is null;
        }
        var builder = new StringBuilder(text);
        foreach (var change in result.Changes.OrderByDescending(c => c.Span.Start))
        {
            builder.Remove(change.Span.Start, change.Span.Length).Insert(change.Span.Start, change.NewText);
        }
        return (builder.ToString(), result.Changes.Count, failed);
    }

    private static string Positions(string path) => path.Replace('\\', '/');

    private static bool TryWrite(CliConsole console, string path, string oldText, string newText, IEnumerable<FileEdit> fileEdits, string contextRoot)
    {
        try
        {
            if (oldText != newText) File.WriteAllText(path, newText, s_utf8);
            foreach (var edit in fileEdits)
            {
                var target = Path.Combine(contextRoot, edit.RelativePath.Replace('/', Path.DirectorySeparatorChar));
                if (edit.Kind == FileEditKind.Create && File.Exists(target)) continue;
                if (edit.Kind == FileEditKind.Append) File.AppendAllText(target, edit.Text, s_utf8);
                else File.WriteAllText(target, edit.Text, s_utf8);
                console.Error.WriteLine($"dockerlsp: {(edit.Kind == FileEditKind.Create ? "created" : "updated")} {target}");
            }
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"dockerlsp: cannot write '{path}': {exception.Message}");
            return false;
        }
    }
}
