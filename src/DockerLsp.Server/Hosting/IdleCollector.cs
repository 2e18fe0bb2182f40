namespace DockerLsp.Server.Hosting;

/// <summary>
/// Moves garbage collections out of keystrokes into the pauses between them. Every unit of work (a queued request or
/// notification, a scheduled analysis) is counted in and out. When the count drops to zero the server is idle; a few
/// milliseconds later, if no work has started since, the runtime is asked for an optimised young-generation collection,
/// which it performs only when most of the generation-0 budget is spent, i.e. when the next keystroke's allocations would
/// soon have started one in the middle of its analysis. Why: with the 6 MiB generation-0 budget of the time an edit of a 10,000-line
/// file allocates ≈ 1.7 MiB, so every third or fourth keystroke paid a 1-3 ms collection; the first collections of a
/// session, which promote everything the start-up created, took 3-9 ms inside the first edits (docs/performance.md).
/// The delay lets a response that was just handed to the JSON-RPC layer reach the client before the collection pauses the
/// process. Work that arrives during a collection waits for it, as it would for any collection.
/// </summary>
internal sealed class IdleCollector : IDisposable
{
    /// <summary>How long the server must stay idle before the collector is asked.</summary>
    internal static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(5);

    private readonly IGarbageCollector _collector;
    private readonly Timer _timer;
    private int _inFlight;
    private long _started;
    private long _quietSince;

    public IdleCollector(IGarbageCollector collector)
    {
        _collector = collector;
        _timer = new Timer(static state => ((IdleCollector)state!).OnQuiet(), this, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>True when no counted work is in flight.</summary>
    public bool IsIdle => Volatile.Read(ref _inFlight) == 0;

    /// <summary>A unit of work begins (must be matched by one <see cref="WorkEnded"/>).</summary>
    public void WorkStarted()
    {
        Interlocked.Increment(ref _inFlight);
        Interlocked.Increment(ref _started);
    }

    /// <summary>A unit of work ended; the last one arms the timer.</summary>
    public void WorkEnded()
    {
        if (Interlocked.Decrement(ref _inFlight) != 0) return;
        _quietSince = Interlocked.Read(ref _started);
        _timer.Change(Delay, Timeout.InfiniteTimeSpan);
    }

    private void OnQuiet()
    {
        // Work that started after the timer was armed means the user is busy again: leave the collection to the runtime.
        if (!IsIdle || Interlocked.Read(ref _started) != _quietSince) return;
        _collector.CollectYoungIfDue();
    }

    public void Dispose() => _timer.Dispose();
}

/// <summary>The runtime's garbage collector as <see cref="IdleCollector"/> uses it: a seam through which tests see when it is asked.</summary>
internal interface IGarbageCollector
{
    /// <summary>Collects the youngest generation if most of its allocation budget is spent; otherwise returns at once.</summary>
    void CollectYoungIfDue();
}

/// <summary>The real collector, through <see cref="GC.Collect(int, GCCollectionMode, bool)"/>.</summary>
internal sealed class RuntimeGarbageCollector : IGarbageCollector
{
    public static RuntimeGarbageCollector Instance { get; } = new();

    // Optimized: the runtime decides, and collects only when at least 70 % of the generation's budget is spent (measured with
    // a 6 MiB budget: 62 % allocated, no collection; 75 %, a collection). It may add an older
    // generation whose budget is spent, as it would for a collection started by an allocation.
    public void CollectYoungIfDue() => GC.Collect(0, GCCollectionMode.Optimized, blocking: true);
}
