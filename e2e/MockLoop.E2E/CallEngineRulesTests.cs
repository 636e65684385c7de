using System.Text.Json;
using MockLoop.E2E.Support;

namespace MockLoop.E2E;

/// <summary>
/// The call engine's own rules (wwwroot/js/call.js, an ES module with no build step), run where they run: the module
/// is imported in chromium and its exported decisions and its presence handling are driven directly, with a .NET
/// stand-in that records what the engine would send. The whole call between two browsers is CallTests.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CallEngineRulesTests(BrowserFixture browser)
{
    /// <summary>Runs <paramref name="body"/> in a page with the module imported as <c>m</c>; returns what it returns.</summary>
    private async Task<JsonElement> RunAsync(string body)
    {
        var page = await browser.NewPersonAsync();
        await page.GotoAsync("/");
        var result = await page.EvaluateAsync<JsonElement>($"async () => {{ const m = await import('/js/call.js'); {body} }}");
        await page.Context.CloseAsync();
        return result;
    }

    [Fact]
    public async Task Media_errors_become_reasons_a_person_can_act_on_and_device_lists_skip_the_pseudo_devices()
    {
        var result = await RunAsync("""
            const reason = (name) => m.classifyMediaError({ name, message: "" }).reason;
            const devices = [
              { kind: "audioinput", deviceId: "default", label: "Default" },
              { kind: "audioinput", deviceId: "communications", label: "Communications" },
              { kind: "audioinput", deviceId: "mic-a", label: "" },
              { kind: "audioinput", deviceId: "mic-b", label: "USB microphone" },
              { kind: "videoinput", deviceId: "cam-a", label: "" },
            ];
            return {
              denied: reason("NotAllowedError"), missing: reason("NotFoundError"), busy: reason("NotReadableError"),
              odd: reason("TypeError"), problem: m.cameraProblem({ name: "NotReadableError" }),
              microphones: m.deviceOptions(devices, "audioinput").map((d) => d.label),
              cameras: m.deviceOptions(devices, "videoinput").map((d) => d.label),
              remembered: m.audioConstraints("mic-b").deviceId, picked: m.videoConstraints("cam-a", true).deviceId,
              none: "deviceId" in m.audioConstraints(""),
            };
            """);

        Assert.Equal("denied", result.GetProperty("denied").GetString());
        Assert.Equal("noDevice", result.GetProperty("missing").GetString());
        Assert.Equal("busy", result.GetProperty("busy").GetString());
        Assert.Equal("other", result.GetProperty("odd").GetString());
        Assert.Equal("it is in use by another app.", result.GetProperty("problem").GetString());
        Assert.Equal(["Microphone 1", "USB microphone"], result.GetProperty("microphones").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal(["Camera 1"], result.GetProperty("cameras").EnumerateArray().Select(d => d.GetString()));
        // A remembered device may be gone: asked for as ideal when joining, as exact when picked from the list.
        Assert.Equal("mic-b", result.GetProperty("remembered").GetProperty("ideal").GetString());
        Assert.Equal("cam-a", result.GetProperty("picked").GetProperty("exact").GetString());
        Assert.False(result.GetProperty("none").GetBoolean());
    }

    [Fact]
    public async Task Stats_add_up_bytes_per_direction_and_kind_and_say_whether_the_pair_goes_through_a_relay()
    {
        var result = await RunAsync("""
            const rtp = [
              { id: "i1", type: "inbound-rtp", kind: "audio", bytesReceived: 100 },
              { id: "i2", type: "inbound-rtp", kind: "video", bytesReceived: 2000 },
              { id: "o1", type: "outbound-rtp", kind: "audio", bytesSent: 70 },
              { id: "o2", type: "outbound-rtp", mediaType: "video", bytesSent: 900 },
              { id: "o3", type: "outbound-rtp", kind: "video", bytesSent: 100 },
            ];
            const route = (localType) => m.summarizeStats([
              ...rtp,
              { id: "t", type: "transport", selectedCandidatePairId: "p" },
              { id: "p", type: "candidate-pair", localCandidateId: "l", remoteCandidateId: "r" },
              { id: "l", type: "local-candidate", candidateType: localType },
              { id: "r", type: "remote-candidate", candidateType: "host" },
            ]).route;
            return { sums: m.summarizeStats(rtp), direct: route("srflx"), relay: route("relay") };
            """);

        var sums = result.GetProperty("sums");
        Assert.Equal(100, sums.GetProperty("inboundAudioBytes").GetInt32());
        Assert.Equal(2000, sums.GetProperty("inboundVideoBytes").GetInt32());
        Assert.Equal(70, sums.GetProperty("outboundAudioBytes").GetInt32());
        Assert.Equal(1000, sums.GetProperty("outboundVideoBytes").GetInt32());
        Assert.Equal(JsonValueKind.Null, sums.GetProperty("route").ValueKind);
        Assert.Equal("direct", result.GetProperty("direct").GetString());
        Assert.Equal("relay", result.GetProperty("relay").GetString());
    }

    [Fact]
    public async Task The_speaking_ring_lights_at_once_stays_on_between_words_and_goes_out_after_a_pause_and_link_states_fold_into_one()
    {
        var result = await RunAsync("""
            const silence = new Uint8Array(512).fill(128);
            const full = Uint8Array.from({ length: 512 }, (_, i) => (i % 2 ? 0 : 255));
            return {
              silence: m.audioLevel(silence), full: m.audioLevel(full),
              loud: m.speakingNext(0.05, false, 1e9), soft: m.speakingNext(0.03, false, 0),
              softWhileSpeaking: m.speakingNext(0.03, true, 0), pause: m.speakingNext(0, true, 200), over: m.speakingNext(0, true, 400),
              links: [m.linkStateOf("connected", "disconnected"), m.linkStateOf("connecting", "failed"),
                      m.linkStateOf("disconnected", "checking"), m.linkStateOf("new", "checking")],
            };
            """);

        Assert.Equal(0, result.GetProperty("silence").GetDouble());
        Assert.True(result.GetProperty("full").GetDouble() > 0.99);
        Assert.True(result.GetProperty("loud").GetBoolean());
        Assert.False(result.GetProperty("soft").GetBoolean());
        Assert.True(result.GetProperty("softWhileSpeaking").GetBoolean());
        Assert.True(result.GetProperty("pause").GetBoolean());
        Assert.False(result.GetProperty("over").GetBoolean());
        Assert.Equal(["connected", "failed", "disconnected", "connecting"], result.GetProperty("links").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public async Task Nothing_over_the_hubs_limits_is_sent_counted_in_bytes_and_instance_ids_are_ones_the_hub_accepts()
    {
        var result = await RunAsync("""
            const sdp = (length, char = "a") => "v=0\r\n" + char.repeat(length - 5);
            return {
              fits: m.sdpFits(sdp(32 * 1024)), tooLong: m.sdpFits(sdp(32 * 1024 + 1)), notSdp: m.sdpFits("hello"),
              // 11,000 three-byte characters: 33,005 bytes in 11,005 characters.
              wide: m.sdpFits(sdp(11005, "€")),
              candidate: m.candidateFits({ candidate: "a".repeat(2040), sdpMid: "0", usernameFragment: "abcd" }),
              bigCandidate: m.candidateFits({ candidate: "a".repeat(2045), sdpMid: "0", usernameFragment: "abcd" }),
              ids: [m.newCallId(), m.newCallId()],
            };
            """);

        Assert.True(result.GetProperty("fits").GetBoolean());
        Assert.False(result.GetProperty("tooLong").GetBoolean());
        Assert.False(result.GetProperty("notSdp").GetBoolean());
        Assert.False(result.GetProperty("wide").GetBoolean());
        Assert.True(result.GetProperty("candidate").GetBoolean());
        Assert.False(result.GetProperty("bigCandidate").GetBoolean());
        var ids = result.GetProperty("ids").EnumerateArray().Select(i => i.GetString()!).ToList();
        Assert.NotEqual(ids[0], ids[1]);
        // The hub's rule (CallSignalRules): 1 to 64 ASCII letters, digits, '-' or '_'.
        Assert.All(ids, id => Assert.Matches("^c[A-Za-z0-9]{24}$", id));
    }

    [Fact]
    public async Task Presence_links_to_a_new_instance_answers_its_hello_once_and_ignores_what_is_not_for_this_page_nor_comes_before_its_media()
    {
        var result = await RunAsync("""
            const sent = [];
            const dotnet = { invokeMethodAsync: (method, ...args) => {
              if (method === "SendCall") sent.push(args[1].state + ">" + (args[1].toCallId ?? "any"));
              return Promise.resolve();
            } };
            const engine = m.create(dotnet, "/s/test", true);
            const from = "00000000-0000-0000-0000-000000000002";
            const presence = (state, callId, toCallId = null) => engine.handlePresence({ state, callId, toCallId, from, audio: true, video: true, screen: false });
            const step = (name, act) => { sent.length = 0; act(); return { name, sent: [...sent], linked: engine.link?.peerCallId ?? null }; };
            const steps = [
              step("outside the call", () => presence("hello", "cpeer1")),
            ];
            // Joining: the instance id is chosen, the media not ready yet (.NET has not been told "mediaReady").
            engine.callId = "cme";
            steps.push(step("while joining", () => presence("hello", "cpeer1")));
            engine.ready = true;
            steps.push(
              step("hello from a new instance", () => presence("hello", "cpeer1")),
              step("a welcome is never answered", () => presence("welcome", "cpeer1", "cme")),
              step("repeated hello keeps the link", () => presence("hello", "cpeer1")),
              step("reply for an earlier instance", () => presence("bye", "cpeer1", "cold")),
              step("bye from another instance", () => presence("bye", "cother", "cme")),
              step("reloaded partner", () => presence("hello", "cpeer2")),
              step("bye from the linked one", () => presence("bye", "cpeer2", "cme")),
              step("nudged with nobody linked", () => engine.nudge()),
            );
            engine.dispose();
            return steps;
            """);

        // Each step as "what was sent → the instance linked afterwards".
        var steps = result.EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!, s =>
            string.Join(",", s.GetProperty("sent").EnumerateArray().Select(x => x.GetString())) + " → " + s.GetProperty("linked").GetString());
        Assert.Equal(" → ", steps["outside the call"]);
        // .NET would ignore a link it hears of before "mediaReady": the partner's hello waits for this page's own.
        Assert.Equal(" → ", steps["while joining"]);
        Assert.Equal("welcome>cpeer1 → cpeer1", steps["hello from a new instance"]);
        Assert.Equal(" → cpeer1", steps["a welcome is never answered"]);
        Assert.Equal("welcome>cpeer1 → cpeer1", steps["repeated hello keeps the link"]);
        Assert.Equal(" → cpeer1", steps["reply for an earlier instance"]);
        Assert.Equal(" → cpeer1", steps["bye from another instance"]);
        Assert.Equal("welcome>cpeer2 → cpeer2", steps["reloaded partner"]);
        Assert.Equal(" → ", steps["bye from the linked one"]);
        Assert.Equal("hello>any → ", steps["nudged with nobody linked"]);
    }
}
