namespace MockLoop.Web.Tests.Support;

/// <summary>A clock that moves only when a test moves it: rate limits and timers become exact.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}

/// <summary>The app on a manual clock (its own database, like every fixture).</summary>
public sealed class FrozenClockApp : MockLoopApp
{
    public FrozenClockApp()
    {
        Clock = ManualClock;
    }

    public ManualClock ManualClock { get; } = new(DateTimeOffset.UtcNow);
}
