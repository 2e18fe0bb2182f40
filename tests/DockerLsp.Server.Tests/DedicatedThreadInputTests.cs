using System.Collections.Concurrent;
using DockerLsp.Server.Hosting;

namespace DockerLsp.Server.Tests;

/// <summary>
/// <see cref="DedicatedThreadInput"/>: stdin is read on a thread of its own (never a thread-pool worker), every byte arrives
/// in order, and the end or failure of the source reaches the reader. Each test ends its source, so no reading thread is
/// left behind: the reader's continuations run on that thread, and a test's own code must not be left parked there.
/// </summary>
public sealed class DedicatedThreadInputTests
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task BytesArriveInOrderAndReadsNeverRunOnAThreadPoolWorker()
    {
        var source = new BlockingSource();
        var input = new DedicatedThreadInput(source);
        var expected = new List<byte>();
        for (var chunk = 0; chunk < 20; chunk++)
        {
            var bytes = Enumerable.Range(0, 100 + chunk).Select(i => (byte)(i * 7 + chunk)).ToArray();
            expected.AddRange(bytes);
            source.Add(bytes);
        }
        source.End();

        var received = await ReadToEndAsync(input.Stream);

        Assert.Equal(expected, received);
        Assert.NotEmpty(source.ReadThreads);
        Assert.All(source.ReadThreads, thread => Assert.False(thread.IsThreadPoolThread));
        Assert.All(source.ReadThreads, thread => Assert.Equal("dockerlsp stdin", thread.Name));
    }

    [Fact]
    public async Task AFailedReadFailsTheStreamWithItsException()
    {
        var source = new BlockingSource();
        var input = new DedicatedThreadInput(source);
        source.Add([1, 2, 3]);
        var buffer = new byte[16];
        Assert.Equal(3, await input.Stream.ReadAsync(buffer).AsTask().WaitAsync(s_timeout));

        // Queued only now: a pipe completed with an error fails the next read even while bytes are still buffered.
        source.Fail(new IOException("the client went away"));
        var failure = await Assert.ThrowsAsync<IOException>(() => input.Stream.ReadAsync(buffer).AsTask().WaitAsync(s_timeout));
        Assert.Equal("the client went away", failure.Message);
        await input.Stopped.WaitAsync(s_timeout);
    }

    [Fact]
    public async Task DisposingTheStreamStopsTheThreadAfterItsCurrentRead()
    {
        var source = new BlockingSource();
        var input = new DedicatedThreadInput(source);
        source.Add([1]);
        Assert.Equal(1, await input.Stream.ReadAsync(new byte[4]).AsTask().WaitAsync(s_timeout));

        await input.Stream.DisposeAsync();
        source.Add([2]);

        await input.Stopped.WaitAsync(s_timeout);
        Assert.Equal(2, source.ReadThreads.Count);
    }

    private static async Task<List<byte>> ReadToEndAsync(Stream stream)
    {
        var received = new List<byte>();
        var buffer = new byte[37];
        int read;
        while ((read = await stream.ReadAsync(buffer).AsTask().WaitAsync(s_timeout)) > 0) received.AddRange(buffer.AsSpan(0, read).ToArray());
        return received;
    }

    /// <summary>A source whose reads block until a chunk, the end or a failure is queued, like stdin; it records the threads that read.</summary>
    private sealed class BlockingSource : Stream
    {
        private readonly BlockingCollection<object> _chunks = [];
        private byte[] _rest = [];

        public ConcurrentQueue<(bool IsThreadPoolThread, string? Name)> ReadThreads { get; } = new();

        public void Add(byte[] chunk) => _chunks.Add(chunk);
        public void End() => _chunks.Add(Array.Empty<byte>());
        public void Fail(Exception exception) => _chunks.Add(exception);

        public override int Read(Span<byte> buffer)
        {
            ReadThreads.Enqueue((Thread.CurrentThread.IsThreadPoolThread, Thread.CurrentThread.Name));
            if (_rest.Length == 0)
            {
                switch (_chunks.Take())
                {
                    case Exception exception: throw exception;
                    case byte[] chunk: _rest = chunk; break;
                }
            }
            var count = Math.Min(buffer.Length, _rest.Length);
            _rest.AsSpan(0, count).CopyTo(buffer);
            _rest = _rest[count..];
            return count;
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
