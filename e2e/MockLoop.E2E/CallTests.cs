using System.Text.Json;
using Microsoft.Playwright;
using MockLoop.E2E.Support;
using Xunit.Abstractions;

namespace MockLoop.E2E;

/// <summary>
/// The video call between two real browsers with fake devices: media flows both ways, muting stops the audio,
/// colliding ICE restarts settle, a reload on either side brings the call back, and the candidate can present a screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CallTests(BrowserFixture suite, MediaBrowserFixture media, ITestOutputHelper output) : IClassFixture<MediaBrowserFixture>
{
    private readonly PageConsoles consoles = new();

    private sealed record Sample(long InboundAudioBytes, long InboundVideoBytes, long OutboundAudioBytes, long OutboundVideoBytes, string Phase, bool MicOn);

    [Fact]
    public async Task Both_join_hear_and_see_each_other_mute_and_come_back_after_a_reload()
    {
        await consoles.RunAsync(output, async () =>
        {
            var (ivy, cal) = await PairAsync("Ivy Video", "Cal Video");

            // Off until joined; the room works meanwhile.
            await ivy.GetByRole(AriaRole.Status, new() { Name = "Call: Off" }).WaitForAsync();
            await ivy.GetByRole(AriaRole.Button, new() { Name = "Join call" }).ClickAsync();
            await ivy.GetByRole(AriaRole.Status, new() { Name = "Call: Waiting" }).WaitForAsync();
            await cal.GetByText("Ivy Video is in the call").WaitForAsync();
            await cal.GetByRole(AriaRole.Button, new() { Name = "Join call" }).ClickAsync();

            await CallConnectedAsync(ivy);
            await CallConnectedAsync(cal);
            await InboundGrowsAsync(ivy, "inboundVideoBytes");
            await InboundGrowsAsync(ivy, "inboundAudioBytes");
            await InboundGrowsAsync(cal, "inboundVideoBytes");
            await InboundGrowsAsync(cal, "inboundAudioBytes");
            await MockLoop.E2E.BlazorRoom.BlazorRoomSteps.ScreenshotAsync(ivy, "room-call");

            // Muting takes the track off the sender: no more audio packets, and the partner is told.
            await cal.GetByRole(AriaRole.Button, new() { Name = "Mute microphone" }).ClickAsync();
            await cal.GetByRole(AriaRole.Button, new() { Name = "Unmute microphone" }).WaitForAsync();
            await ivy.GetByRole(AriaRole.Region, new() { Name = "Video call" }).GetByTitle("Microphone off").WaitForAsync();
            await OutboundAudioStopsAsync(cal);
            await InboundGrowsAsync(cal, "inboundAudioBytes");
            await cal.GetByRole(AriaRole.Button, new() { Name = "Unmute microphone" }).ClickAsync();
            await GrowsAsync(cal, "outboundAudioBytes");

            // A network change makes both sides restart ICE at once: the offers collide, the polite side yields, and the
            // media keeps flowing on the same call.
            await Task.WhenAll(ivy.EvaluateAsync("() => window.__mockloopCall.restartIce()"), cal.EvaluateAsync("() => window.__mockloopCall.restartIce()"));
            await InboundGrowsAsync(ivy, "inboundVideoBytes");
            await InboundGrowsAsync(cal, "inboundVideoBytes");
            await CallConnectedAsync(ivy);

            // The candidate reloads: the page rejoins by itself, the interviewer's side renegotiates.
            await cal.ReloadAsync();
            await People.WaitConnectedAsync(cal);
            await CallConnectedAsync(cal);
            await CallConnectedAsync(ivy);
            await InboundGrowsAsync(ivy, "inboundVideoBytes");
            await InboundGrowsAsync(ivy, "inboundAudioBytes");
            await InboundGrowsAsync(cal, "inboundVideoBytes");

            // And the interviewer (the side that makes the first offer) reloads too.
            await ivy.ReloadAsync();
            await People.WaitConnectedAsync(ivy);
            await CallConnectedAsync(ivy);
            await CallConnectedAsync(cal);
            await InboundGrowsAsync(cal, "inboundVideoBytes");
            await InboundGrowsAsync(ivy, "inboundAudioBytes");

            await cal.GetByRole(AriaRole.Button, new() { Name = "Leave call" }).ClickAsync();
            await cal.GetByRole(AriaRole.Status, new() { Name = "Call: Off" }).WaitForAsync();
            await ivy.GetByText("Cal Video left the call").WaitForAsync();

            await ivy.Context.CloseAsync();
            await cal.Context.CloseAsync();
        });
    }

    [Fact]
    public async Task Audio_only_shows_the_camera_off_and_the_candidate_can_present_a_screen()
    {
        await consoles.RunAsync(output, async () =>
        {
            var (ivy, cal) = await PairAsync("Ivy Screen", "Cal Screen");
            Assert.Equal(0, await ivy.GetByRole(AriaRole.Button, new() { Name = "Share screen" }).CountAsync());

            await cal.GetByRole(AriaRole.Button, new() { Name = "Join call" }).ClickAsync();
            await ivy.GetByRole(AriaRole.Button, new() { Name = "Join audio only" }).ClickAsync();
            await CallConnectedAsync(ivy);
            await CallConnectedAsync(cal);
            await cal.GetByText("Camera off").WaitForAsync();
            await InboundGrowsAsync(cal, "inboundAudioBytes");
            Assert.Equal(0, (await LatestAsync(cal))!.InboundVideoBytes);
            // Only the candidate may present.
            Assert.Equal(0, await ivy.GetByRole(AriaRole.Button, new() { Name = "Share screen" }).CountAsync());

            await cal.GetByRole(AriaRole.Button, new() { Name = "Share screen" }).ClickAsync();
            await ivy.GetByText("Cal Screen is presenting").WaitForAsync();
            await InboundGrowsAsync(ivy, "inboundVideoBytes");
            await cal.GetByRole(AriaRole.Button, new() { Name = "Stop sharing" }).ClickAsync();
            await ivy.GetByText("Cal Screen is presenting").WaitForAsync(new() { State = WaitForSelectorState.Detached });
            await InboundGrowsAsync(ivy, "inboundVideoBytes");

            // The interviewer turns the camera on later: a renegotiation adds the video.
            await ivy.GetByRole(AriaRole.Button, new() { Name = "Turn camera on" }).ClickAsync();
            await InboundGrowsAsync(cal, "inboundVideoBytes");

            await ivy.Context.CloseAsync();
            await cal.Context.CloseAsync();
        });
    }

    [Fact]
    public async Task A_second_tab_of_the_same_room_is_named_in_both_and_joining_the_call_there_moves_the_call()
    {
        await consoles.RunAsync(output, async () =>
        {
            var (ivy, _) = await PairAsync("Ivy Tabs", "Cal Tabs");
            await ivy.GetByRole(AriaRole.Button, new() { Name = "Join call" }).ClickAsync();
            await ivy.GetByRole(AriaRole.Status, new() { Name = "Call: Off" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });

            // The same person opens the room in a second tab of the same browser.
            var second = await ivy.Context.NewPageAsync();
            consoles.Watch(second, "ivy tab 2");
            await second.GotoAsync(ivy.Url);
            await People.WaitConnectedAsync(second);
            await ivy.GetByText("This room is also open in another tab.").WaitForAsync();
            await second.GetByText("This room is also open in another tab.").WaitForAsync();

            // Joining the call in the second tab takes it from the first, which says where it went.
            await second.GetByRole(AriaRole.Button, new() { Name = "Join call" }).ClickAsync();
            await ivy.GetByText("The call moved to your other tab of this room.").WaitForAsync();
            await ivy.GetByRole(AriaRole.Status, new() { Name = "Call: Off" }).WaitForAsync();
        });
    }

    private async Task<(IPage Interviewer, IPage Candidate)> PairAsync(string interviewerName, string candidateName)
    {
        var ivy = await media.NewPersonAsync(suite.App.BaseUrl);
        consoles.Watch(ivy, "ivy");
        await People.RegisterAsync(ivy, interviewerName);
        await ivy.GotoAsync("/sessions/new");
        await ivy.GetByLabel("Interviewer").CheckAsync();
        await ivy.GetByRole(AriaRole.Button, new() { Name = "Create the interview" }).ClickAsync();
        await People.WaitConnectedAsync(ivy);
        var inviteUrl = await ivy.GetByLabel("Invite your partner with this link").InputValueAsync();

        var cal = await media.NewPersonAsync(suite.App.BaseUrl);
        consoles.Watch(cal, "cal");
        await People.RegisterAsync(cal, candidateName);
        await cal.GotoAsync(inviteUrl);
        await cal.GetByRole(AriaRole.Button, new() { Name = "Join as candidate" }).ClickAsync();
        await People.WaitConnectedAsync(cal);
        await ivy.GetByRole(AriaRole.Listitem, new() { Name = $"{candidateName}, candidate, online" }).WaitForAsync();
        return (ivy, cal);
    }

    private static Task CallConnectedAsync(IPage page) =>
        page.GetByRole(AriaRole.Status, new() { Name = "Call: Connected" }).WaitForAsync(new() { Timeout = 45_000 });

    private static async Task<Sample?> LatestAsync(IPage page)
    {
        var json = await page.EvaluateAsync<string?>("() => JSON.stringify(window.__mockloopCall?.latest() ?? null)");
        return json is null ? null : JsonSerializer.Deserialize<Sample>(json, JsonSerializerOptions.Web);
    }

    /// <summary>Waits until a byte counter of the current link has grown well past its value now.</summary>
    private static async Task GrowsAsync(IPage page, string counter, long by = 2_000)
    {
        await page.WaitForFunctionAsync("() => window.__mockloopCall?.latest()?.phase === 'connected'", null, new() { Timeout = 45_000 });
        var from = await page.EvaluateAsync<long>($"() => window.__mockloopCall.latest().{counter}");
        await page.WaitForFunctionAsync(
            $"min => {{ const s = window.__mockloopCall?.latest(); return !!s && s.phase === 'connected' && s.{counter} > min; }}",
            from + by, new() { Timeout = 30_000 });
    }

    private static Task InboundGrowsAsync(IPage page, string counter) => GrowsAsync(page, counter);

    /// <summary>Muted means silent on the wire: the sent audio byte count stays put over successive samples.</summary>
    private static async Task OutboundAudioStopsAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.__mockloopCall?.latest()?.micOn === false");
        // Samples come every 500 ms. Once two seconds pass with the same count, nothing is being sent.
        await page.WaitForFunctionAsync("""
            () => {
              const s = window.__mockloopCall?.latest();
              if (!s) return false;
              const w = window.__callMuteWatch ??= { bytes: s.outboundAudioBytes, since: s.at };
              if (s.outboundAudioBytes !== w.bytes) { w.bytes = s.outboundAudioBytes; w.since = s.at; return false; }
              return s.at - w.since >= 2000;
            }
            """, null, new() { Timeout = 20_000, PollingInterval = 250 });
        var sample = await LatestAsync(page);
        Assert.False(sample!.MicOn);
    }
}
