using System.Collections.Concurrent;

namespace DockerLsp.Registry.Tests;

/// <summary>Collects what the client writes to its diagnostics callback.</summary>
internal sealed class LogCapture
{
    private readonly ConcurrentQueue<string> _lines = new();

    public Action<string> Sink => _lines.Enqueue;

    public IReadOnlyList<string> Lines => [.. _lines];

    public string All => string.Join("\n", _lines);
}
