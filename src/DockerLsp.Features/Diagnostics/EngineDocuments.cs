using System.Runtime.CompilerServices;
using DockerLsp.Analysis;
using DockerLsp.Features.Workspace;

namespace DockerLsp.Features.Diagnostics;

/// <summary>
/// One analysis-engine <see cref="DockerfileDocument"/> per Features <see cref="Document"/>, sharing its syntax tree, so the
/// engine's lazily built semantic model is computed once per version and shared by diagnostics, fixes and hover. The build
/// context is part of the engine document: when the host hands out a new one for the same version (files of the directory
/// changed), the engine document is replaced.
/// </summary>
internal static class EngineDocuments
{
    private sealed class Entry(DockerfileDocument current)
    {
        public volatile DockerfileDocument Current = current;
    }

    private static readonly ConditionalWeakTable<Document, Entry> s_documents = [];

    /// <summary>The engine document of <paramref name="document"/> as last analysed (with whatever build context that analysis had).</summary>
    public static DockerfileDocument For(Document document) =>
        s_documents.GetValue(document, static d => new Entry(new DockerfileDocument(d.Tree, PathOf(d.Uri)))).Current;

    /// <summary>The engine document of <paramref name="document"/> with exactly <paramref name="buildContext"/> (compared by reference).</summary>
    public static DockerfileDocument For(Document document, IBuildContext? buildContext)
    {
        var entry = s_documents.GetValue(document, d => new Entry(new DockerfileDocument(d.Tree, PathOf(d.Uri), buildContext)));
        var current = entry.Current;
        if (ReferenceEquals(current.BuildContext, buildContext)) return current;
        // A race replaces twice with equivalent documents; both are valid.
        var replaced = new DockerfileDocument(document.Tree, current.Path, buildContext);
        entry.Current = replaced;
        return replaced;
    }

    /// <summary>The local path of a <c>file:</c> URI (pure string work, no IO), else the URI itself.</summary>
    public static string PathOf(string uri) => LocalPathOf(uri) ?? uri;

    /// <summary>The local path of a <c>file:</c> URI, or null for other schemes (untitled buffers get no build context).</summary>
    public static string? LocalPathOf(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : null;
}
