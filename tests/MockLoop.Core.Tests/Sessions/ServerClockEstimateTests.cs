using MockLoop.Core.Sessions;

namespace MockLoop.Core.Tests.Sessions;

public class ServerClockEstimateTests
{
    // The server's clock is exactly 5 s ahead of ours in every case below.
    private static readonly TimeSpan TrueOffset = TimeSpan.FromSeconds(5);
    private static readonly DateTimeOffset Local = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset Server(DateTimeOffset local) => local + TrueOffset;

    [Fact]
    public void Nothing_observed_means_no_correction()
    {
        Assert.False(ServerClockEstimate.None.Known);
        Assert.Equal(TimeSpan.Zero, ServerClockEstimate.None.Offset);
    }

    [Fact]
    public void A_slow_reply_to_a_timed_request_is_corrected_to_within_half_its_round_trip()
    {
        // Sent at 0, stamped by the server 0.2 s later, arrived 2.0 s after sending (a loaded machine after a reload).
        var sent = Local;
        var stamped = Server(Local.AddMilliseconds(200));
        var received = Local.AddMilliseconds(2000);

        var estimate = ServerClockEstimate.None.Observe(stamped, sent, received);

        // A single sample (what the room used before) is 1.8 s behind; the middle of the proven range [3.2, 5.2] is 0.8 s off.
        Assert.Equal(TimeSpan.FromSeconds(3.2), stamped - received);
        Assert.InRange(estimate.Offset, TrueOffset - TimeSpan.FromSeconds(1), TrueOffset + TimeSpan.FromSeconds(1));
        Assert.Equal(TimeSpan.FromSeconds(4.2), estimate.Offset);
    }

    [Fact]
    public void Later_pushed_messages_narrow_the_lower_bound_and_never_widen_it()
    {
        var estimate = ServerClockEstimate.None
            .Observe(Server(Local.AddMilliseconds(200)), Local, Local.AddMilliseconds(2000))            // offset within [3.2, 5.2]
            .Observe(Server(Local.AddMilliseconds(10000)), Local.AddMilliseconds(10050))                   // a quick event: >= 4.95
            .Observe(Server(Local.AddMilliseconds(20000)), Local.AddMilliseconds(23000));                     // a late one: >= 2 (ignored)

        Assert.Equal(TimeSpan.FromSeconds(4.95), estimate.Lower);
        Assert.Equal(TimeSpan.FromSeconds(5.2), estimate.Upper);
        Assert.Equal(TimeSpan.FromSeconds(5.075), estimate.Offset);
    }

    [Fact]
    public void Pushed_messages_alone_give_their_largest_lower_bound()
    {
        var estimate = ServerClockEstimate.None
            .Observe(Server(Local), Local.AddMilliseconds(1500))
            .Observe(Server(Local.AddMilliseconds(5000)), Local.AddMilliseconds(5100));

        Assert.Null(estimate.Upper);
        Assert.Equal(TimeSpan.FromSeconds(4.9), estimate.Offset);
    }

    [Fact]
    public void Bounds_that_contradict_each_other_after_a_clock_change_start_over_from_the_new_sample()
    {
        var before = ServerClockEstimate.None.Observe(Server(Local), Local, Local.AddMilliseconds(100));

        // Our clock was set an hour ahead: the server is now an hour behind us, which the old bounds exclude.
        var hourAhead = Local.AddHours(1);
        var after = before.Observe(Server(Local.AddMilliseconds(30000)), hourAhead.AddMilliseconds(30000), hourAhead.AddMilliseconds(30100));

        Assert.InRange(after.Offset, TrueOffset - TimeSpan.FromHours(1) - TimeSpan.FromSeconds(0.1), TrueOffset - TimeSpan.FromHours(1));
    }
}
