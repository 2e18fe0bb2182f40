using System.Runtime.CompilerServices;
using DockerLsp.Analysis;
using DockerLsp.Features.Workspace;

namespace DockerLsp.Features.Diagnostics;

/// <summary>
/// One analysis-engine <see cref="DockerfileDocument"/> per Features <see cref="Document"/>, sharing its syntax tree, so the
/// engine's lazily built semantic model is computed once per version and shared by diagnostics, fixes and hover.
/// </summary>
internal static class EngineDocuments
{
    private static readonly ConditionalWeakTable<Document, DockerfileDocument> s_documents = [];

    public static DockerfileDocument For(Document document) =>
        s_documents.GetValue(document, static d => new DockerfileDocument(d.Tree, PathOf(d.Uri)));

    /// <summary>The local path of a <c>file:</c> URI (pure string work, no IO), else the URI itself.</summary>
    public static string PathOf(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : uri;
}
