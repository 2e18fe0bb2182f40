using System.Diagnostics.CodeAnalysis;
using DockerLsp.Syntax.Text;

namespace DockerLsp.Cli.Commands.Parse;

/// <summary>A Dockerfile read for a command: the name to show in messages and its decoded text.</summary>
public sealed record LoadedSource(string DisplayPath, SourceText Text);

/// <summary>
/// Reads a Dockerfile named on the command line (<c>-</c> means standard input) as bytes and decodes it with
/// <see cref="SourceText.FromUtf8"/>, so that a BOM stays in the tree and invalid UTF-8 becomes a diagnostic instead of
/// a crash. Every way the read can fail (missing, a directory, permission denied, any other IO error) comes back as a
/// one-line message; nothing is thrown. Usable by any command that reads Dockerfiles.
/// </summary>
public static class SourceLoader
{
    public const string StandardInputName = "-";
    public const string StandardInputDisplayName = "<stdin>";

    public static bool TryLoad(CliConsole console, string path, [NotNullWhen(true)] out LoadedSource? source, [NotNullWhen(false)] out string? error)
    {
        source = null;
        if (string.IsNullOrWhiteSpace(path))
        {
            error = "a file path (or - for standard input) is required";
            return false;
        }
        var displayPath = path == StandardInputName ? StandardInputDisplayName : path;
        try
        {
            if (path != StandardInputName && console.DirectoryExists(path))
            {
                error = $"cannot read '{path}': it is a directory";
                return false;
            }
            var bytes = path == StandardInputName ? ReadToEnd(console.InputStream) : console.ReadAllBytes(path);
            source = new LoadedSource(displayPath, SourceText.FromUtf8(bytes));
            error = null;
            return true;
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            error = $"cannot read '{displayPath}': no such file or directory";
        }
        catch (UnauthorizedAccessException)
        {
            error = $"cannot read '{displayPath}': permission denied";
        }
        catch (IOException exception)
        {
            error = $"cannot read '{displayPath}': {exception.Message}";
        }
        return false;
    }

    private static byte[] ReadToEnd(Stream stream)
    {
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
