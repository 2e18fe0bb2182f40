using System.Collections.Immutable;
using System.Text.Json;
using DockerLsp.Features.Settings;
using DockerLsp.Server.Handlers;
using DockerLsp.Server.Protocol;
using DockerLsp.Server.Queue;

namespace DockerLsp.Server.Hosting;

/// <summary>
/// Gathers the settings in force — the client's <c>dockerlsp</c> section (pulled with <c>workspace/configuration</c> when
/// the client supports it, or taken from <c>didChangeConfiguration</c>) and the <c>.editorconfig</c> /
/// <c>.hadolint.yaml</c> files of the workspace roots — and applies them through the queue as one mutation, re-publishing
/// diagnostics when they changed. A client that offers no configuration keeps the defaults. The newest refresh wins: an
/// answer to a pull that arrives after a later refresh began (settings pushed with <c>didChangeConfiguration</c>, or
/// another pull) is dropped, so a slow answer never undoes newer settings.
/// </summary>
internal sealed class ConfigurationManager(LanguageServices services)
{
    public static readonly string[] ConfigurationFileNames = [".editorconfig", ".hadolint.yaml", ".hadolint.yml"];

    private JsonElement? _clientSection;

    /// <summary>Counts refreshes; a pull applies its answer only while it is still the latest.</summary>
    private int _refreshes;

    /// <summary>Set by the host: where settings mutations are queued.</summary>
    public RequestQueue? Queue { get; set; }

    /// <summary>Pulls the client's section (when supported), re-reads the files, and queues the update.</summary>
    public async Task RefreshAsync(JsonElement? pushedSettings, CancellationToken cancellationToken)
    {
        var refresh = Interlocked.Increment(ref _refreshes);
        if (pushedSettings is { ValueKind: JsonValueKind.Object } pushed && pushed.TryGetProperty("dockerlsp", out var section))
        {
            _clientSection = section.Clone();
        }
        else if (services.Session.SupportsConfiguration)
        {
            try
            {
                var result = await services.Client.RequestAsync<ConfigurationParams, JsonElement[]>("workspace/configuration",
                    new ConfigurationParams([new ConfigurationItem(null, "dockerlsp")]), cancellationToken).ConfigureAwait(false);
                // A later refresh started while the client answered: its settings are newer than this answer (and it applies them).
                if (refresh != Volatile.Read(ref _refreshes)) return;
                _clientSection = result is { Length: > 0 } ? result[0].Clone() : null;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                services.Log.Warning("workspace/configuration failed: {Error}; keeping the current settings", exception.Message);
            }
        }
        var files = ReadConfigurationFiles();
        Apply(files);
    }

    private void Apply(ImmutableArray<ConfigurationFile> files)
    {
        var clientSection = _clientSection;
        var item = new QueueItem<bool>("dockerlsp/applySettings", mutatesWorkspace: true, (snapshot, cancellationToken) =>
        {
            var settings = SettingsParser.Parse(clientSection, snapshot.Settings, services.Log) with { ConfigurationFiles = files };
            if (settings.Equals(snapshot.Settings)) return Task.FromResult(false);
            services.Workspace.UpdateSettings(settings);
            // The effective level is logged, never the setting's text: settings values stay out of the log.
            if (!LogLevels.Apply(settings.LogLevel))
            {
                services.Log.Warning("Setting dockerlsp.logLevel is not one of Verbose, Debug, Information, Warning, Error or Fatal; the log level stays {Level}", LogLevels.Switch.MinimumLevel);
            }
            services.Log.Information("Settings updated: {Rules} rule and {Categories} category overrides, {Files} configuration files, log level {Level}",
                settings.RuleSeverities.Count, settings.CategorySeverities.Count, files.Length, LogLevels.Switch.MinimumLevel);
            services.Publisher.RefreshAll(services.Workspace.CurrentSnapshot);
            return Task.FromResult(true);
        }, CancellationToken.None);
        if (Queue is null) return;
        Queue.Enqueue(item);
    }

    private ImmutableArray<ConfigurationFile> ReadConfigurationFiles()
    {
        var files = ImmutableArray.CreateBuilder<ConfigurationFile>();
        foreach (var root in services.Session.WorkspaceRoots)
        {
            var directory = DocumentFiles.ToPath(root);
            if (directory is null) continue;
            foreach (var name in ConfigurationFileNames)
            {
                var path = Path.Combine(directory, name);
                try
                {
                    if (!services.Files.FileSystem.FileExists(path)) continue;
                    var kind = name == ".editorconfig" ? ConfigurationFileKind.EditorConfig : ConfigurationFileKind.Hadolint;
                    files.Add(new ConfigurationFile(path, kind, services.Files.FileSystem.ReadAllText(path)));
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    services.Log.Warning("Could not read {Path}: {Error}", path, exception.Message);
                }
            }
        }
        return files.ToImmutable();
    }
}
