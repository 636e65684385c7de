namespace MockLoop.Core.Tests.Support;

/// <summary>A clock that only moves when a test says so, so durations in assertions are exact.</summary>
public sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    public static readonly DateTimeOffset DefaultStart = new(2025, 3, 14, 9, 0, 0, TimeSpan.Zero);

    private DateTimeOffset now = start;

    public ManualTimeProvider()
        : this(DefaultStart)
    {
    }

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), "Use SetUtcNow to move the clock backwards on purpose.");
        }

        now += by;
    }

    public void AdvanceMinutes(double minutes) => Advance(TimeSpan.FromMinutes(minutes));

    public void AdvanceSeconds(double seconds) => Advance(TimeSpan.FromSeconds(seconds));

    /// <summary>Sets the clock to any time, even backwards, to imitate a server clock being corrected.</summary>
    public void SetUtcNow(DateTimeOffset value) => now = value;
}
