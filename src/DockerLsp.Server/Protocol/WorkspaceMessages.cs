using System.Text.Json;

namespace DockerLsp.Server.Protocol;

internal sealed record ConfigurationParams(IReadOnlyList<ConfigurationItem> Items);

internal sealed record ConfigurationItem(string? ScopeUri, string? Section);

internal sealed record DidChangeConfigurationParams(JsonElement? Settings);

internal sealed record DidChangeWatchedFilesParams(IReadOnlyList<FileEvent> Changes);

internal sealed record FileEvent(string Uri, int Type);

internal sealed record RegistrationParams(IReadOnlyList<Registration> Registrations);

internal sealed record Registration(string Id, string Method, DidChangeWatchedFilesRegistrationOptions? RegisterOptions);

internal sealed record DidChangeWatchedFilesRegistrationOptions(IReadOnlyList<FileSystemWatcher> Watchers);

internal sealed record FileSystemWatcher(string GlobPattern, int? Kind);
