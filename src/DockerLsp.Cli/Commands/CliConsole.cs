using System.Text;

namespace DockerLsp.Cli.Commands;

/// <summary>
/// Everything a command touches outside the process: standard input, output and error, and file reads. Commands use
/// only this, never <see cref="Console"/> or <see cref="File"/>, so tests run them in-process with in-memory streams and
/// can override the file reads to simulate failures.
/// Text goes through <see cref="Out"/> and <see cref="Error"/> (UTF-8, no BOM); a command that writes bytes
/// (JSON, the LSP stream) flushes <see cref="Out"/> first and then writes <see cref="OutputStream"/>.
/// </summary>
public class CliConsole
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly Lazy<TextReader> _in;

    public CliConsole(Stream input, Stream output, Stream error, bool isOutputRedirected)
    {
        InputStream = input;
        OutputStream = output;
        ErrorStream = error;
        IsOutputRedirected = isOutputRedirected;
        _in = new Lazy<TextReader>(() => new StreamReader(input, s_utf8, detectEncodingFromByteOrderMarks: false, bufferSize: 4096, leaveOpen: true));
        Out = new StreamWriter(output, s_utf8, bufferSize: 64 * 1024, leaveOpen: true) { AutoFlush = false };
        // Errors appear at once, in order with anything already flushed to the output.
        Error = new StreamWriter(error, s_utf8, bufferSize: 4096, leaveOpen: true) { AutoFlush = true };
    }

    /// <summary>The process's real standard streams.</summary>
    public static CliConsole CreateSystem() =>
        new(Console.OpenStandardInput(), Console.OpenStandardOutput(), Console.OpenStandardError(), Console.IsOutputRedirected);

    /// <summary>Standard input as bytes (Dockerfiles are decoded by the syntax layer, which keeps a BOM and reports invalid UTF-8).</summary>
    public Stream InputStream { get; }

    /// <summary>Standard output as bytes. Flush <see cref="Out"/> before writing here.</summary>
    public Stream OutputStream { get; }

    public Stream ErrorStream { get; }

    /// <summary>Standard input as UTF-8 text.</summary>
    public TextReader In => _in.Value;

    /// <summary>Buffered standard output; flushed when the command ends.</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error; flushes on every write.</summary>
    public TextWriter Error { get; }

    /// <summary>False when the output is a terminal (commands may then add colour or layout meant for people).</summary>
    public bool IsOutputRedirected { get; }

    /// <summary>Reads a whole file. Throws the usual IO exceptions, which commands turn into exit code 2.</summary>
    public virtual byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);

    public virtual bool DirectoryExists(string path) => Directory.Exists(path);

    public async Task FlushAsync()
    {
        await Out.FlushAsync().ConfigureAwait(false);
        await Error.FlushAsync().ConfigureAwait(false);
    }
}
