using DockerLsp.Features.Workspace;
using Serilog;

namespace DockerLsp.Server.Hosting;

/// <summary>File access, behind an interface so that tests run without touching the disk.</summary>
internal interface IFileSystem
{
    bool FileExists(string path);
    string ReadAllText(string path);
}

/// <summary>The real file system.</summary>
internal sealed class PhysicalFileSystem : IFileSystem
{
    public bool FileExists(string path) => File.Exists(path);
    public string ReadAllText(string path) => File.ReadAllText(path);
}

/// <summary>
/// Reads documents the client has not opened (a request may name any file) and maps <c>file:</c> URIs to paths. Failures are
/// logged without contents and give null, so that the request answers "nothing" instead of failing.
/// </summary>
internal sealed class DocumentFiles(IFileSystem fileSystem, ILogger log)
{
    public IFileSystem FileSystem { get; } = fileSystem;

    public static string? ToPath(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.IsFile ? parsed.LocalPath : null;

    public Document? LoadUnopened(string uri, CancellationToken cancellationToken)
    {
        var path = ToPath(uri);
        if (path is null) return null;
        try
        {
            if (!FileSystem.FileExists(path)) return null;
            return Document.Create(uri, 0, FileSystem.ReadAllText(path), isOpen: false, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            log.Warning("Could not read unopened document {Path}: {Error}", path, exception.Message);
            return null;
        }
    }
}
