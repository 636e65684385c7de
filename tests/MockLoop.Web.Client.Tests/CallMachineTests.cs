using MockLoop.Web.Client.Room.Call;
using static MockLoop.Web.Client.Room.Call.CallEventKind;

namespace MockLoop.Web.Client.Tests;

public class CallMachineTests
{
    private static readonly CallContext Ivy = new("Ivy", PartnerOnline: true, PeerInCall: false);

    private static CallStatus Run(params CallEvent[] events) => events.Aggregate(CallStatus.Off, CallMachine.Next);

    private static CallEvent E(CallEventKind kind) => new(kind);

    private static CallEvent LinkIs(LinkState state) => new(Link, state);

    private static CallEvent Failed(MediaFailure why, string? detail = null) => new(MediaFailed, Failure: why, Detail: detail);

    private static CallStatus Connected() => Run(E(Join), E(MediaReady), E(PeerJoined), LinkIs(LinkState.Connected));

    [Fact]
    public void The_call_is_off_until_the_person_joins_then_asks_for_media_and_waits_for_the_partner()
    {
        Assert.Equal(CallPhase.Requesting, Run(E(Join)).Phase);
        Assert.Equal(CallPhase.Waiting, Run(E(Join), E(MediaReady)).Phase);
        Assert.True(Run(E(Join), E(MediaReady)).InCall);
        Assert.False(Run(E(Join)).InCall);
    }

    [Fact]
    public void The_partner_is_ignored_while_not_in_the_call()
    {
        Assert.Equal(CallPhase.Off, Run(E(PeerJoined)).Phase);
        Assert.Equal(CallPhase.Off, Run(LinkIs(LinkState.Connected)).Phase);
    }

    [Fact]
    public void A_blocked_permission_is_told_from_a_missing_or_busy_device_and_the_person_can_try_again()
    {
        var denied = Run(E(Join), Failed(MediaFailure.Denied));
        Assert.Equal(CallPhase.Denied, denied.Phase);
        Assert.Equal(CallPhase.NoDevice, Run(E(Join), Failed(MediaFailure.NoDevice)).Phase);
        var busy = Run(E(Join), Failed(MediaFailure.Busy, "Device in use"));
        Assert.Equal((CallPhase.MediaError, MediaFailure.Busy), (busy.Phase, busy.Failure));
        Assert.Equal(CallPhase.Requesting, CallMachine.Next(denied, E(Join)).Phase);
        Assert.Equal(CallAction.RetryMedia, CallWords.Describe(denied, Ivy).Action);
        Assert.Contains("address bar", CallWords.Describe(denied, Ivy).Detail);
        Assert.Equal("This browser cannot make video calls", CallWords.Describe(Run(E(Join), Failed(MediaFailure.Unsupported)), Ivy).Title);
        Assert.Contains("busy", CallWords.Describe(busy, Ivy).Title);
    }

    [Fact]
    public void The_call_connects_once_the_partner_is_there_and_goes_back_to_waiting_when_they_leave()
    {
        Assert.Equal(new CallStatus(CallPhase.Connected, 0, WasConnected: true), Connected());
        Assert.Equal(CallPhase.Waiting, CallMachine.Next(Connected(), E(PeerLeft)).Phase);
    }

    [Fact]
    public void A_drop_shows_reconnecting_and_a_failed_link_restarts_ice()
    {
        var dropped = CallMachine.Next(Connected(), LinkIs(LinkState.Disconnected));
        Assert.Equal(CallPhase.Reconnecting, dropped.Phase);
        Assert.False(CallMachine.ShouldKick(Connected(), dropped));
        // A fresh drop gets a grace period before the first restart, later attempts the full watchdog.
        Assert.Equal(CallMachine.DisconnectGrace, CallMachine.WatchdogFor(dropped));
        var failed = CallMachine.Next(dropped, LinkIs(LinkState.Failed));
        Assert.Equal((CallPhase.Reconnecting, 1), (failed.Phase, failed.Attempts));
        Assert.True(CallMachine.ShouldKick(dropped, failed));
        Assert.Equal(CallMachine.Watchdog, CallMachine.WatchdogFor(failed));
        var back = CallMachine.Next(failed, LinkIs(LinkState.Connected));
        Assert.Equal((CallPhase.Connected, 0), (back.Phase, back.Attempts));
        Assert.Null(CallMachine.WatchdogFor(Connected()));
    }

    [Fact]
    public void A_link_that_never_came_up_keeps_saying_connecting_and_counts_a_fresh_link_as_the_next_attempt()
    {
        var stalled = Run(E(Join), E(MediaReady), E(PeerJoined), E(Stalled));
        Assert.Equal((CallPhase.Connecting, 1), (stalled.Phase, stalled.Attempts));
        Assert.Contains("attempt 2", CallWords.Describe(stalled, Ivy).Detail);
        var again = CallMachine.Next(stalled, E(PeerJoined));
        Assert.Equal((CallPhase.Connecting, 1), (again.Phase, again.Attempts));
        var fresh = CallMachine.Next(CallMachine.Next(Connected(), LinkIs(LinkState.Disconnected)), E(PeerJoined));
        Assert.Equal((CallPhase.Connecting, 0), (fresh.Phase, fresh.Attempts));
    }

    [Fact]
    public void After_a_few_attempts_the_call_gives_up_and_offers_a_retry_that_starts_over()
    {
        var status = CallMachine.Next(Connected(), LinkIs(LinkState.Disconnected));
        for (var i = 0; i < CallMachine.MaxAttempts; i++)
        {
            status = CallMachine.Next(status, E(Stalled));
        }
        Assert.Equal(CallPhase.Reconnecting, status.Phase);
        status = CallMachine.Next(status, E(Stalled));
        Assert.Equal(CallPhase.Failed, status.Phase);
        Assert.Equal(CallAction.Retry, CallWords.Describe(status, Ivy).Action);
        Assert.Same(status, CallMachine.Next(status, E(Stalled)));
        Assert.Equal(new CallStatus(CallPhase.Connecting), CallMachine.Next(status, E(Retry)));
    }

    [Fact]
    public void A_failed_link_that_recovers_by_itself_is_connected_again_and_leaving_turns_the_call_off()
    {
        var status = Connected();
        for (var i = 0; i <= CallMachine.MaxAttempts; i++)
        {
            status = CallMachine.Next(status, LinkIs(LinkState.Failed));
        }
        Assert.Equal(CallPhase.Failed, status.Phase);
        Assert.Equal(CallPhase.Connected, CallMachine.Next(status, LinkIs(LinkState.Connected)).Phase);
        Assert.Same(CallStatus.Off, CallMachine.Next(Connected(), E(Leave)));
    }

    [Fact]
    public void Waiting_is_explained_by_where_the_partner_is()
    {
        var waiting = Run(E(Join), E(MediaReady));
        Assert.Contains("in the room but has not joined", CallWords.Describe(waiting, Ivy).Detail);
        Assert.Contains("offline", CallWords.Describe(waiting, Ivy with { PartnerOnline = false }).Detail);
        Assert.Contains("invite link", CallWords.Describe(waiting, Ivy with { PartnerName = null }).Detail);
        Assert.Equal("Ivy left the call", CallWords.Describe(waiting, Ivy with { PeerLeft = true }).Title);
        Assert.Equal("Ivy dropped out", CallWords.Describe(waiting, Ivy with { PeerLeft = true, PartnerOnline = false }).Title);
        var off = CallWords.Describe(CallStatus.Off, Ivy with { PeerInCall = true });
        Assert.Equal(("Ivy is in the call", CallAction.Join), (off.Title, off.Action));
    }

    [Fact]
    public void Waiting_has_a_watchdog_that_says_hello_again_each_time_it_fires_for_as_long_as_it_waits()
    {
        var waiting = Run(E(Join), E(MediaReady));
        Assert.Equal(CallMachine.Watchdog, CallMachine.WatchdogFor(waiting));

        var before = waiting;
        for (var i = 0; i < 10; i++)
        {
            var after = CallMachine.Next(before, E(Stalled));
            Assert.Equal(CallPhase.Waiting, after.Phase);
            // A changed status re-arms the watchdog; a nudge is no attempt at a link, so nothing is restarted.
            Assert.NotEqual(before, after);
            Assert.True(CallMachine.ShouldNudge(before, after));
            Assert.False(CallMachine.ShouldKick(before, after));
            Assert.Equal(CallMachine.Watchdog, CallMachine.WatchdogFor(after));
            before = after;
        }
        // The partner's link counts from zero.
        Assert.Equal(new CallStatus(CallPhase.Connecting), CallMachine.Next(before, E(PeerJoined)));
        Assert.False(CallMachine.ShouldNudge(Connected(), CallMachine.Next(Connected(), E(Stalled))));
    }

    [Fact]
    public void Only_an_unfinished_link_is_given_up_when_the_partner_stays_offline()
    {
        Assert.True(CallMachine.GivesUpWhenPartnerOffline(Run(E(Join), E(MediaReady), E(PeerJoined))));
        Assert.True(CallMachine.GivesUpWhenPartnerOffline(Run(E(Join), E(MediaReady), E(PeerJoined), LinkIs(LinkState.Connected), LinkIs(LinkState.Disconnected))));
        Assert.False(CallMachine.GivesUpWhenPartnerOffline(Connected()));
        Assert.False(CallMachine.GivesUpWhenPartnerOffline(Run(E(Join), E(MediaReady))));
    }
}
