using MockLoop.Core.Pairing;

namespace MockLoop.Core.Tests.Pairing;

public sealed class CountsThrottleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_first_change_is_sent_at_once() =>
        Assert.IsType<CountsBroadcast.Now>(CountsThrottle.Decide(T0, null, sendDue: false));

    [Fact]
    public void A_change_soon_after_a_send_waits_for_the_rest_of_the_interval()
    {
        var decision = CountsThrottle.Decide(T0.AddMilliseconds(100), T0, sendDue: false);

        Assert.Equal(TimeSpan.FromMilliseconds(150), Assert.IsType<CountsBroadcast.Later>(decision).Delay);
    }

    [Fact]
    public void Changes_while_a_send_is_due_ride_along_with_it() =>
        Assert.IsType<CountsBroadcast.AlreadyDue>(CountsThrottle.Decide(T0.AddMilliseconds(200), T0, sendDue: true));

    [Fact]
    public void A_change_after_a_quiet_interval_is_sent_at_once() =>
        Assert.IsType<CountsBroadcast.Now>(CountsThrottle.Decide(T0 + CountsThrottle.Interval, T0, sendDue: false));
}
