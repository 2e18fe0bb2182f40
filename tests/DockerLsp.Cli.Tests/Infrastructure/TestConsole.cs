using System.Text;
using DockerLsp.Cli.Commands;

namespace DockerLsp.Cli.Tests.Infrastructure;

/// <summary>
/// A <see cref="CliConsole"/> over in-memory streams: standard input is given up front, output and error are captured.
/// <see cref="ReadFailure"/> makes every file read throw, to simulate IO errors that a test cannot produce on disk
/// (tests run as root, for whom chmod 000 does not prevent reading).
/// </summary>
public sealed class TestConsole : CliConsole
{
    public TestConsole(byte[]? standardInput = null)
        : base(new MemoryStream(standardInput ?? []), new MemoryStream(), new MemoryStream(), isOutputRedirected: true)
    {
    }

    /// <summary>When set, <see cref="ReadAllBytes"/> throws this instead of reading.</summary>
    public Exception? ReadFailure { get; init; }

    public override byte[] ReadAllBytes(string path) => ReadFailure is { } failure ? throw failure : base.ReadAllBytes(path);

    public byte[] StandardOutputBytes
    {
        get
        {
            Out.Flush();
            return ((MemoryStream)OutputStream).ToArray();
        }
    }

    public string StandardOutput => Encoding.UTF8.GetString(StandardOutputBytes);

    public string StandardError
    {
        get
        {
            Error.Flush();
            return Encoding.UTF8.GetString(((MemoryStream)ErrorStream).ToArray());
        }
    }
}
