using System.Collections.Immutable;
using DockerLsp.Features.Settings;

namespace DockerLsp.Features.Workspace;

/// <summary>
/// An immutable view of every open document plus the settings in force at one moment. Readers capture a snapshot and
/// work on it while the workspace moves on; nothing in it ever changes.
/// </summary>
public sealed class WorkspaceSnapshot
{
    public static WorkspaceSnapshot Empty { get; } = new(ImmutableDictionary<string, Document>.Empty.WithComparers(StringComparer.Ordinal), LanguageServerSettings.Default, 0);

    internal WorkspaceSnapshot(ImmutableDictionary<string, Document> documents, LanguageServerSettings settings, long sequence)
    {
        Documents = documents;
        Settings = settings;
        Sequence = sequence;
    }

    /// <summary>Open documents by URI.</summary>
    public ImmutableDictionary<string, Document> Documents { get; }

    public LanguageServerSettings Settings { get; }

    /// <summary>Increases with every mutation; used to tell snapshots apart in logs and tests.</summary>
    public long Sequence { get; }

    public Document? GetDocument(string uri) => Documents.GetValueOrDefault(uri);

    internal WorkspaceSnapshot With(ImmutableDictionary<string, Document>? documents = null, LanguageServerSettings? settings = null) =>
        new(documents ?? Documents, settings ?? Settings, Sequence + 1);
}
