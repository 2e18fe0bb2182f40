namespace DockerLsp.Registry.Tests;

/// <summary>
/// A clock the test moves by hand. Only "now" is controlled; timers (used for request timeouts) still run in real time,
/// which keeps timeout tests honest.
/// </summary>
internal sealed class ManualTimeProvider : TimeProvider
{
    private DateTimeOffset _now;

    public ManualTimeProvider(DateTimeOffset? start = null) => _now = start ?? new DateTimeOffset(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
