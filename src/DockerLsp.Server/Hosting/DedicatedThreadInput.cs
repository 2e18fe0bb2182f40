using System.IO.Pipelines;

namespace DockerLsp.Server.Hosting;

/// <summary>
/// Reads a stream whose reads block (the process's standard input) on a background thread of its own and hands the bytes
/// to the server through a pipe (<see cref="Stream"/>). Why: on Unix, .NET's console streams have no asynchronous reads, so
/// <c>ReadAsync</c> on stdin runs a blocking read(2) on a thread-pool worker, which stays parked there for the whole session.
/// On a two-core machine the pool starts with two workers: one of them was always blocked, and the server's own work
/// (analysis, the warm-up, JSON-RPC dispatch) queued behind the other until the pool added threads. Measured with lspbench
/// (docs/performance.md): the first edit after opening a document waited 20-40 ms. Written by hand: System.IO.Pipelines
/// has no adapter that reads a blocking stream on a dedicated thread.
/// Invariants: bytes reach <see cref="Stream"/> in the order read, and none is dropped; the end of the source ends
/// <see cref="Stream"/>, a read that throws fails it with that exception. The pipe applies no back-pressure (the server's reader copies
/// whatever arrives into its own buffer at once, so a pause could only add a wait); the continuation of the server's read runs
/// on the reading thread itself, as it did on the worker, so no thread hop is added.
/// Disposing <see cref="Stream"/> (the server does, when it stops) makes the thread stop after its current read; a thread
/// blocked in a read stays blocked until the source ends or the process exits (it is a background thread, so it never keeps
/// the process alive).
/// </summary>
public sealed class DedicatedThreadInput
{
    /// <summary>Bytes asked for per read: the size of a Linux pipe buffer, so one read takes what the client wrote at once.</summary>
    private const int ReadSize = 64 * 1024;

    private readonly Stream _source;
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Pipe _pipe = new(new PipeOptions(pauseWriterThreshold: 0, resumeWriterThreshold: 0,
        readerScheduler: PipeScheduler.Inline, writerScheduler: PipeScheduler.Inline, useSynchronizationContext: false));

    /// <summary>Starts reading <paramref name="source"/> at once on a background thread named <paramref name="threadName"/>.</summary>
    public DedicatedThreadInput(Stream source, string threadName = "dockerlsp stdin")
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        Stream = _pipe.Reader.AsStream();
        new Thread(Pump) { IsBackground = true, Name = threadName }.Start();
    }

    /// <summary>What was read, in order; ends when the source ends. Disposing it tells the reading thread to stop.</summary>
    public Stream Stream { get; }

    /// <summary>Completes when the reading thread has stopped (for tests).</summary>
    internal Task Stopped => _stopped.Task;

    private void Pump()
    {
        var writer = _pipe.Writer;
        try
        {
            while (true)
            {
                var memory = writer.GetMemory(ReadSize);
                var read = _source.Read(memory.Span);
                if (read == 0) break;
                writer.Advance(read);
                var flush = writer.FlushAsync();
                var result = flush.IsCompletedSuccessfully ? flush.Result : flush.AsTask().GetAwaiter().GetResult();
                // The reader gave up (the server stopped reading): nobody wants more input.
                if (result.IsCompleted) break;
            }
            writer.Complete();
        }
        catch (Exception exception)
        {
            writer.Complete(exception);
        }
        finally
        {
            _stopped.TrySetResult();
        }
    }
}
