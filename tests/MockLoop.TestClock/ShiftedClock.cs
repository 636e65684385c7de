namespace MockLoop.TestClock;

/// <summary>
/// The system clock plus an offset that only moves forward: lets a browser test jump the app process to "one hour
/// before the session" without waiting. Timers (polling intervals) stay on real time.
/// </summary>
public sealed class ShiftedClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;

    public DateTimeOffset Advance(TimeSpan by)
    {
        if (by <= TimeSpan.Zero || by > TimeSpan.FromDays(30))
        {
            throw new ArgumentOutOfRangeException(nameof(by), "The clock moves forward only, by at most 30 days at a time.");
        }
        Interlocked.Add(ref _offsetTicks, by.Ticks);
        return GetUtcNow();
    }
}
