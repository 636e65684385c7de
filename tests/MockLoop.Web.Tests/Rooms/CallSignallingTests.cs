using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rooms;

public sealed class CallSignallingTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private const string Sdp = "v=0\r\no=- 4611731400430051336 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\na=group:BUNDLE 0\r\n";

    private sealed record Seat(HttpClient Http, RoomHub Hub, Guid UserId) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Hub.DisposeAsync();
    }

    private sealed record Room(Guid Id, Seat Interviewer, Seat Candidate) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Interviewer.DisposeAsync();
            await Candidate.DisposeAsync();
        }
    }

    private async Task<Seat> ConnectAsync(HttpClient http, Guid sessionId)
    {
        var hub = await RoomHub.ConnectAsync(app, http, $"session={sessionId}");
        var state = await hub.ExpectAsync("RoomState");
        return new Seat(http, hub, Guid.Parse(state["myUserId"]!.GetValue<string>()));
    }

    private async Task<Room> OpenRoomAsync(string tag)
    {
        var interviewer = await FormPosts.NewUserAsync(app, $"Ivy {tag}");
        var id = await FormPosts.CreateSessionAsync(interviewer, "Interviewer");
        var candidate = await FormPosts.NewUserAsync(app, $"Cal {tag}");
        await FormPosts.JoinAsync(candidate, id);
        return new Room(id, await ConnectAsync(interviewer, id), await ConnectAsync(candidate, id));
    }

    private static object Offer(string sdp = Sdp, Guid? to = null, string type = "offer", string callId = "call-a", string toCallId = "call-b") =>
        new { callId, toCallId, type, sdp, to };

    private static object Candidate(string candidate = "candidate:1 1 udp 2122260223 192.0.2.2 50000 typ host", Guid? to = null) =>
        new { callId = "call-a", toCallId = "call-b", candidate, sdpMid = "0", sdpMLineIndex = 0, usernameFragment = "abcd", to };

    private static void AssertRelayed(JsonNode? result) => Assert.True(result!["ok"]!.GetValue<bool>(), result.ToJsonString());

    private static void AssertRefused(JsonNode? result, string code, string containing)
    {
        Assert.False(result!["ok"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal(code, result["code"]!.GetValue<string>());
        Assert.Contains(containing, result["error"]!.GetValue<string>());
    }

    private async Task<int> StoredEventsAsync(params Guid[] sessionIds)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Set<SessionEventRow>().CountAsync(r => sessionIds.Contains(r.SessionId));
    }

    [Fact]
    public async Task An_offer_reaches_the_other_participant_and_nobody_else()
    {
        await using var a = await OpenRoomAsync("A");
        await using var b = await OpenRoomAsync("B");
        // The interviewer's second tab shares her seat: it must not get her own offer back.
        await using var secondTab = await ConnectAsync(a.Interviewer.Http, a.Id);

        AssertRelayed(await a.Interviewer.Hub.CallAsync("CallDescription", Offer()));
        var offer = await a.Candidate.Hub.ExpectAsync("CallDescription");
        Assert.Equal(a.Interviewer.UserId.ToString(), offer["from"]!.GetValue<string>());
        Assert.Equal("offer", offer["type"]!.GetValue<string>());
        Assert.Equal(Sdp, offer["sdp"]!.GetValue<string>());
        Assert.Equal("call-a", offer["callId"]!.GetValue<string>());
        Assert.Equal("call-b", offer["toCallId"]!.GetValue<string>());

        // Messages arrive in order per connection, so the first call message each outsider sees proves what it missed.
        AssertRelayed(await a.Candidate.Hub.CallAsync("CallDescription", Offer(type: "answer", callId: "call-b", toCallId: "call-a")));
        AssertRelayed(await b.Interviewer.Hub.CallAsync("CallDescription", Offer(callId: "call-x", toCallId: "call-y")));
        AssertRelayed(await b.Candidate.Hub.CallAsync("CallDescription", Offer(type: "answer", callId: "call-y", toCallId: "call-x")));

        var tabSees = await secondTab.Hub.ExpectAsync("CallDescription");
        Assert.Equal(a.Candidate.UserId.ToString(), tabSees["from"]!.GetValue<string>());
        Assert.Equal("answer", tabSees["type"]!.GetValue<string>());
        var interviewerSees = await a.Interviewer.Hub.ExpectAsync("CallDescription");
        Assert.Equal("answer", interviewerSees["type"]!.GetValue<string>());

        var otherCandidateSees = await b.Candidate.Hub.ExpectAsync("CallDescription");
        Assert.Equal(b.Interviewer.UserId.ToString(), otherCandidateSees["from"]!.GetValue<string>());
        var otherInterviewerSees = await b.Interviewer.Hub.ExpectAsync("CallDescription");
        Assert.Equal(b.Candidate.UserId.ToString(), otherInterviewerSees["from"]!.GetValue<string>());
    }

    [Fact]
    public async Task Only_the_candidate_may_announce_a_shared_screen_as_the_rooms_offer_it()
    {
        await using var room = await OpenRoomAsync("S");

        AssertRefused(await room.Interviewer.Hub.CallAsync("CallPresence",
            new { callId = "call-a", state = "media", audio = true, video = true, screen = true }), "candidate_only", "Only the candidate shares");
        AssertRelayed(await room.Interviewer.Hub.CallAsync("CallPresence",
            new { callId = "call-a", state = "media", audio = true, video = true, screen = false }));
        var media = await room.Candidate.Hub.ExpectAsync("CallPresence");
        Assert.False(media["screen"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Presence_and_candidates_are_relayed_with_their_fields()
    {
        await using var room = await OpenRoomAsync("P");

        AssertRelayed(await room.Candidate.Hub.CallAsync("CallPresence",
            new { callId = "call-b", state = "hello", audio = true, video = false, screen = true }));
        var hello = await room.Interviewer.Hub.ExpectAsync("CallPresence");
        Assert.Equal(room.Candidate.UserId.ToString(), hello["from"]!.GetValue<string>());
        Assert.Equal("hello", hello["state"]!.GetValue<string>());
        Assert.Null(hello["toCallId"]);
        Assert.True(hello["audio"]!.GetValue<bool>());
        Assert.False(hello["video"]!.GetValue<bool>());
        Assert.True(hello["screen"]!.GetValue<bool>());

        AssertRelayed(await room.Interviewer.Hub.CallAsync("CallCandidate", Candidate(to: room.Candidate.UserId)));
        var candidate = await room.Candidate.Hub.ExpectAsync("CallCandidate");
        Assert.Equal("candidate:1 1 udp 2122260223 192.0.2.2 50000 typ host", candidate["candidate"]!.GetValue<string>());
        Assert.Equal("0", candidate["sdpMid"]!.GetValue<string>());
        Assert.Equal(0, candidate["sdpMLineIndex"]!.GetValue<int>());
        Assert.Equal("abcd", candidate["usernameFragment"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_stranger_cannot_open_the_hub_so_cannot_signal()
    {
        await using var room = await OpenRoomAsync("S");
        var stranger = await FormPosts.NewUserAsync(app, "Stranger");

        var refused = await Assert.ThrowsAsync<HubRefusedException>(() => RoomHub.ConnectAsync(app, stranger, $"session={room.Id}"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);
        Assert.Equal("You are not a participant in this interview.", refused.Reason);
    }

    [Fact]
    public async Task A_member_of_another_session_cannot_address_this_sessions_participants()
    {
        await using var a = await OpenRoomAsync("A");
        await using var b = await OpenRoomAsync("B");

        // Nor can they open this session's hub with their own cookie.
        var refused = await Assert.ThrowsAsync<HubRefusedException>(() => RoomHub.ConnectAsync(app, b.Interviewer.Http, $"session={a.Id}"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.Status);

        AssertRefused(await b.Interviewer.Hub.CallAsync("CallDescription", Offer(to: a.Candidate.UserId)), "not_your_partner", "other participant");
        AssertRefused(await b.Interviewer.Hub.CallAsync("CallCandidate", Candidate(to: a.Interviewer.UserId)), "not_your_partner", "other participant");
        AssertRefused(await b.Candidate.Hub.CallAsync("CallPresence",
            new { callId = "call-x", state = "hello", to = a.Interviewer.UserId, audio = true, video = true, screen = false }), "not_your_partner", "other participant");
        // Addressing yourself is no better.
        AssertRefused(await a.Interviewer.Hub.CallAsync("CallDescription", Offer(to: a.Interviewer.UserId)), "not_your_partner", "other participant");

        // What A's participants get first is A's own traffic: nothing of the refused messages arrived.
        AssertRelayed(await a.Interviewer.Hub.CallAsync("CallDescription", Offer(to: a.Candidate.UserId, callId: "from-a")));
        Assert.Equal("from-a", (await a.Candidate.Hub.ExpectAsync("CallDescription"))["callId"]!.GetValue<string>());
        AssertRelayed(await a.Candidate.Hub.CallAsync("CallPresence", new { callId = "from-a-too", state = "bye", audio = false, video = false, screen = false }));
        Assert.Equal("from-a-too", (await a.Interviewer.Hub.ExpectAsync("CallPresence"))["callId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Oversized_or_malformed_signals_are_refused_and_not_relayed()
    {
        await using var room = await OpenRoomAsync("M");
        var i = room.Interviewer.Hub;

        AssertRefused(await i.CallAsync("CallDescription", Offer(sdp: Sdp + new string('a', 32 * 1024))), "bad_signal", "too large");
        AssertRefused(await i.CallAsync("CallCandidate", Candidate("candidate:" + new string('x', 2100))), "bad_signal", "too large");
        AssertRefused(await i.CallAsync("CallDescription", Offer(type: "pranswer")), "bad_signal", "offer or answer");
        AssertRefused(await i.CallAsync("CallDescription", Offer(sdp: "<html>")), "bad_signal", "not SDP");
        AssertRefused(await i.CallAsync("CallDescription", Offer(callId: "../../etc")), "bad_signal", "callId");
        AssertRefused(await i.CallAsync("CallDescription", Offer(toCallId: new string('c', 65))), "bad_signal", "toCallId");
        AssertRefused(await i.CallAsync("CallCandidate", Candidate("typ host")), "bad_signal", "candidate:");
        AssertRefused(await i.CallAsync("CallPresence", new { callId = "call-a", state = "dance" }), "bad_signal", "Unknown call presence");
        // Exactly at the limit is fine.
        var atLimit = "v=0" + new string('a', 32 * 1024 - 3);
        AssertRelayed(await i.CallAsync("CallDescription", Offer(sdp: atLimit, callId: "at-limit")));

        var first = await room.Candidate.Hub.ExpectAsync("CallDescription");
        Assert.Equal("at-limit", first["callId"]!.GetValue<string>());
        Assert.Equal(atLimit.Length, first["sdp"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task With_the_other_seat_open_there_is_nobody_to_call()
    {
        var interviewer = await FormPosts.NewUserAsync(app, "Ivy Alone");
        var id = await FormPosts.CreateSessionAsync(interviewer, "Interviewer");
        await using var seat = await ConnectAsync(interviewer, id);

        AssertRefused(await seat.Hub.CallAsync("CallPresence", new { callId = "call-a", state = "hello", audio = true, video = true, screen = false }),
            "no_partner", "Nobody has taken the other seat");
    }

    [Fact]
    public async Task A_flood_of_signals_is_cut_off_by_the_rate_limit()
    {
        await using var room = await OpenRoomAsync("F");

        var results = await Task.WhenAll(Enumerable.Range(0, 150).Select(_ => room.Interviewer.Hub.CallAsync("CallCandidate", Candidate())));

        Assert.Contains(results, r => r!["code"]?.GetValue<string>() == "rate_limited");
        Assert.InRange(results.Count(r => r!["ok"]!.GetValue<bool>()), ConnectionRateLimits.CallSignalBurst, 149);
    }

    [Fact]
    public async Task Signalling_is_never_stored()
    {
        await using var room = await OpenRoomAsync("N");

        AssertRelayed(await room.Interviewer.Hub.CallAsync("CallPresence", new { callId = "call-a", state = "hello", audio = true, video = true, screen = false }));
        AssertRelayed(await room.Interviewer.Hub.CallAsync("CallDescription", Offer()));
        AssertRelayed(await room.Interviewer.Hub.CallAsync("CallCandidate", Candidate()));
        AssertRelayed(await room.Candidate.Hub.CallAsync("CallDescription", Offer(type: "answer")));
        await room.Candidate.Hub.ExpectAsync("CallCandidate");

        Assert.Equal(0, await StoredEventsAsync(room.Id));
        // The durable log still works beside it: one chat message is one stored event.
        await room.Candidate.Hub.CallAsync("SendChat", "Can you hear me?", "chat-1");
        Assert.Equal(1, await StoredEventsAsync(room.Id));
    }

    [Fact]
    public async Task Without_configured_servers_the_call_gets_an_empty_ice_list()
    {
        await using var room = await OpenRoomAsync("I");
        var servers = (await room.Candidate.Hub.CallAsync("CallIceServers"))!.AsArray();
        Assert.Empty(servers);
    }

    [Theory]
    [InlineData("Call:IceServers:0:Urls:0", "http://stun.example.test", "not an ICE server URL")]
    [InlineData("Call:IceServers:0:Urls:0", "turn:turn.example.test:3478", "needs Username and Credential, or SharedSecret")]
    [InlineData("Call:TurnCredentialLifetime", "00:00:30", "TurnCredentialLifetime")]
    public void A_bad_call_section_stops_the_app_at_start_up_with_the_reason(string key, string value, string reason)
    {
        using var bad = app.WithWebHostBuilder(builder => builder.UseSetting(key, value));
        var error = Assert.ThrowsAny<Exception>(() => bad.Server);
        Assert.Contains(reason, error.ToString());
    }
}

/// <summary>The hub hands out the configured ICE servers, with TURN credentials of the caller's own that expire.</summary>
public sealed class CallIceServerTests(CallIceServerTests.TurnApp app) : IClassFixture<CallIceServerTests.TurnApp>
{
    public const string Secret = "coturn-static-auth-secret";

    public sealed class TurnApp : MockLoopApp
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Call:IceServers:0:Urls:0", "stun:turn.example.test:3478");
            builder.UseSetting("Call:IceServers:1:Urls:0", "turn:turn.example.test:3478?transport=udp");
            builder.UseSetting("Call:IceServers:1:Urls:1", "turns:turn.example.test:443?transport=tcp");
            builder.UseSetting("Call:IceServers:1:SharedSecret", Secret);
            builder.UseSetting("Call:IceServers:2:Urls:0", "turn:legacy.example.test");
            builder.UseSetting("Call:IceServers:2:Username", "mockloop");
            builder.UseSetting("Call:IceServers:2:Credential", "fixed-secret");
        }
    }

    [Fact]
    public async Task Each_member_gets_the_servers_with_a_short_lived_credential_of_their_own()
    {
        var interviewer = await FormPosts.NewUserAsync(app, "Ivy Turn");
        var id = await FormPosts.CreateSessionAsync(interviewer, "Interviewer");
        await using var hub = await RoomHub.ConnectAsync(app, interviewer, $"session={id}");
        var me = Guid.Parse((await hub.ExpectAsync("RoomState"))["myUserId"]!.GetValue<string>());

        var servers = (await hub.CallAsync("CallIceServers"))!.AsArray();

        Assert.Equal(3, servers.Count);
        Assert.Equal("stun:turn.example.test:3478", servers[0]!["urls"]![0]!.GetValue<string>());
        Assert.Null(servers[0]!["username"]);
        var turn = servers[1]!;
        Assert.Equal(2, turn["urls"]!.AsArray().Count);
        var username = turn["username"]!.GetValue<string>();
        var parts = username.Split(':');
        Assert.Equal(me.ToString("N"), parts[1]);
        var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[0]));
        Assert.InRange(expires - DateTimeOffset.UtcNow, TimeSpan.FromHours(11.9), TimeSpan.FromHours(12.1));
        var expected = Convert.ToBase64String(HMACSHA1.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(username)));
        Assert.Equal(expected, turn["credential"]!.GetValue<string>());
        Assert.DoesNotContain(Secret, servers.ToJsonString());
        Assert.Equal("mockloop", servers[2]!["username"]!.GetValue<string>());
        Assert.Equal("fixed-secret", servers[2]!["credential"]!.GetValue<string>());
    }
}
