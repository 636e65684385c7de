using MockLoop.Core.Sessions;
using Microsoft.Extensions.Time.Testing;
using MockLoop.Core.Contracts;
using MockLoop.Web.Client.Room.Call;

namespace MockLoop.Web.Client.Tests;

/// <summary>The call panel's states as the person sees them (the engine, call.js, is driven by the browser tests).</summary>
public class CallPanelTests : BunitContext
{
    private IRenderedComponent<CallPanel> RenderPanel(SeatRole role = SeatRole.Interviewer, bool partnerOnline = true, FakeTimeProvider? clock = null) =>
        Render<CallPanel>(p => p
            .Add(x => x.Role, (SeatRole?)role)
            .Add(x => x.PartnerName, "Cal")
            .Add(x => x.PartnerUserId, Guid.NewGuid())
            .Add(x => x.PartnerOnline, partnerOnline)
            .Add(x => x.Clock, clock ?? new FakeTimeProvider()));

    private static string Badge(IRenderedComponent<CallPanel> cut) => cut.Find("[role=status]").GetAttribute("aria-label")!;

    private static Task Report(IRenderedComponent<CallPanel> cut, string type, string? state = null, string? detail = null) =>
        cut.InvokeAsync(() => cut.Instance.OnCallEvent(type, state, detail));

    [Fact]
    public void Off_the_panel_offers_to_join_with_or_without_the_camera_and_says_when_the_partner_is_in_the_call()
    {
        var cut = RenderPanel();
        Assert.Equal("Call: Off", Badge(cut));
        Assert.NotNull(cut.Find("button:contains('Join call')"));
        Assert.NotNull(cut.Find("button:contains('Join audio only')"));

        cut.InvokeAsync(() => cut.Instance.PresenceAsync(new CallPresenceMessage(Guid.NewGuid(), "c1", "hello", null, true, true, false)));
        Assert.Contains("Cal is in the call", cut.Find(".call-title").TextContent);
    }

    [Fact]
    public async Task Joining_asks_for_media_then_waits_connects_and_shows_the_controls()
    {
        var cut = RenderPanel(role: SeatRole.Candidate);
        cut.Find("button:contains('Join call')").Click();
        Assert.Equal("Call: Asking…", Badge(cut));
        Assert.Empty(cut.FindAll("button:contains('Join call')"));

        await Report(cut, "mediaReady");
        Assert.Equal("Call: Waiting", Badge(cut));
        Assert.Contains("Cal is in the room but has not joined", cut.Markup);
        await Report(cut, "peerJoined");
        Assert.Equal("Call: Connecting…", Badge(cut));
        await Report(cut, "link", "connected");
        Assert.Equal("Call: Connected", Badge(cut));
        Assert.NotNull(cut.Find("[aria-label='Mute microphone']"));
        Assert.NotNull(cut.Find("[aria-label='Turn camera on']"));
        // Only the candidate presents.
        Assert.NotNull(cut.Find("[aria-label='Share screen']"));
        Assert.NotNull(cut.Find("[aria-label='Leave call']"));

        await cut.InvokeAsync(() => cut.Instance.OnCallView(new CallMediaView(MicOn: false, PeerMedia: new PeerMedia(false, false, false))));
        Assert.NotNull(cut.Find("[aria-label='Unmute microphone']"));
        Assert.Contains("Camera off", cut.Find(".call-remote").TextContent);
        Assert.NotNull(cut.Find(".call-remote [title='Microphone off']"));
    }

    [Fact]
    public async Task The_interviewer_has_no_screen_share_and_sees_who_is_presenting()
    {
        var cut = RenderPanel();
        cut.Find("button:contains('Join audio only')").Click();
        await Report(cut, "mediaReady");
        await Report(cut, "peerJoined");
        await Report(cut, "link", "connected");
        await cut.InvokeAsync(() => cut.Instance.OnCallView(new CallMediaView(HasRemoteVideo: true, PeerMedia: new PeerMedia(true, true, true))));

        Assert.Empty(cut.FindAll("[aria-label='Share screen']"));
        Assert.Contains("Cal is presenting", cut.Find(".call-remote .call-label").TextContent);
    }

    [Theory]
    [InlineData("denied", "Call: Blocked", "Microphone or camera blocked")]
    [InlineData("noDevice", "Call: No device", "No microphone found")]
    [InlineData("busy", "Call: Device problem", "Your microphone or camera is busy")]
    public async Task A_media_problem_says_what_happened_and_offers_to_try_again(string reason, string badge, string title)
    {
        var cut = RenderPanel();
        cut.Find("button:contains('Join call')").Click();
        await Report(cut, "mediaFailed", reason, "the browser's words");

        Assert.Equal(badge, Badge(cut));
        Assert.Equal(title, cut.Find(".call-title").TextContent);
        cut.Find("button:contains('Try again')").Click();
        Assert.Equal("Call: Asking…", Badge(cut));
    }

    [Fact]
    public async Task A_dropped_link_reconnects_and_after_the_watchdogs_run_out_the_panel_offers_a_retry()
    {
        var clock = new FakeTimeProvider();
        var cut = RenderPanel(clock: clock);
        cut.Find("button:contains('Join call')").Click();
        await Report(cut, "mediaReady");
        await Report(cut, "peerJoined");
        await Report(cut, "link", "connected");
        await Report(cut, "link", "disconnected");
        Assert.Equal("Call: Reconnecting…", Badge(cut));
        Assert.NotNull(cut.Find(".call-banner"));

        clock.Advance(CallMachine.DisconnectGrace);
        for (var i = 0; i < CallMachine.MaxAttempts; i++)
        {
            cut.WaitForAssertion(() => Assert.Equal("Call: Reconnecting…", Badge(cut)));
            clock.Advance(CallMachine.Watchdog);
        }
        cut.WaitForAssertion(() => Assert.Equal("Call: Failed", Badge(cut)));
        Assert.Contains("TURN relay", cut.Find(".call-explain").TextContent);

        cut.Find(".call-explain button:contains('Try again')").Click();
        Assert.Equal("Call: Connecting…", Badge(cut));
    }

    [Fact]
    public async Task When_the_partner_leaves_the_call_the_panel_waits_and_says_so_and_leaving_turns_it_off()
    {
        var cut = RenderPanel();
        cut.Find("button:contains('Join call')").Click();
        await Report(cut, "mediaReady");
        await Report(cut, "peerJoined");
        await Report(cut, "link", "connected");
        await Report(cut, "peerLeft");
        Assert.Equal("Call: Waiting", Badge(cut));
        Assert.Contains("Cal left the call", cut.Markup);

        cut.Find("[aria-label='Leave call']").Click();
        Assert.Equal("Call: Off", Badge(cut));
    }

    [Fact]
    public async Task Device_lists_keep_the_remembered_choice_and_a_notice_can_be_dismissed()
    {
        var cut = RenderPanel();
        await cut.InvokeAsync(() => cut.Instance.OnCallView(new CallMediaView(
            Microphones: [new DeviceOption("m1", "Headset")], Cameras: [], Microphone: "m1", Camera: "gone",
            Notice: "No camera found, so you joined with audio only.")));

        Assert.Contains("Headset", cut.Find(".call-device-fields select").TextContent);
        Assert.Contains("Your last camera", cut.FindAll(".call-device-fields select")[1].TextContent);
        Assert.Contains("audio only", cut.Find(".call-notice").TextContent);
    }

    /// <summary>Joined, and the partner's page linked: the link is being set up.</summary>
    private async Task<IRenderedComponent<CallPanel>> ConnectingAsync(FakeTimeProvider clock)
    {
        var cut = RenderPanel(clock: clock);
        cut.Find("button:contains('Join call')").Click();
        await Report(cut, "mediaReady");
        await Report(cut, "peerJoined");
        Assert.Equal("Call: Connecting…", Badge(cut));
        return cut;
    }

    private static void SetPartnerOnline(IRenderedComponent<CallPanel> cut, bool online) =>
        cut.Render(p => p.Add(x => x.PartnerOnline, online));

    [Fact]
    public async Task A_late_offline_notice_about_a_reloaded_partner_does_not_drop_the_link_to_their_new_page()
    {
        // The partner reloaded: their new page's hello made a new link here, then the notice that the old page went
        // offline arrived (presence goes through the session's grain, signalling straight through the hub), and the
        // new page's "online" right after it.
        var clock = new FakeTimeProvider();
        var cut = await ConnectingAsync(clock);

        SetPartnerOnline(cut, false);
        clock.Advance(TimeSpan.FromSeconds(1));
        SetPartnerOnline(cut, true);
        clock.Advance(CallMachine.OfflineGrace);
        Assert.Equal("Call: Connecting…", Badge(cut));
        await Report(cut, "link", "connected");
        Assert.Equal("Call: Connected", Badge(cut));
    }

    [Fact]
    public async Task A_partner_who_stays_offline_is_given_up_on_after_a_grace_and_the_panel_says_they_dropped_out()
    {
        var clock = new FakeTimeProvider();
        var cut = await ConnectingAsync(clock);

        SetPartnerOnline(cut, false);
        clock.Advance(CallMachine.OfflineGrace - TimeSpan.FromMilliseconds(1));
        Assert.Equal("Call: Connecting…", Badge(cut));
        clock.Advance(TimeSpan.FromMilliseconds(1));
        cut.WaitForAssertion(() => Assert.Equal("Call: Waiting", Badge(cut)));
        Assert.Contains("Cal dropped out", cut.Markup);
    }

    [Fact]
    public async Task Waiting_keeps_its_watchdog_running_so_a_lost_hello_is_sent_again()
    {
        var clock = new FakeTimeProvider();
        var cut = RenderPanel(clock: clock);
        cut.Find("button:contains('Join call')").Click();
        await Report(cut, "mediaReady");
        for (var i = 1; i <= 3; i++)
        {
            clock.Advance(CallMachine.Watchdog);
            cut.WaitForAssertion(() => Assert.Equal(i, cut.Instance.Status.Attempts));
            Assert.Equal("Call: Waiting", Badge(cut));
        }
        await Report(cut, "peerJoined");
        Assert.Equal(new CallStatus(CallPhase.Connecting), cut.Instance.Status);
    }
}
