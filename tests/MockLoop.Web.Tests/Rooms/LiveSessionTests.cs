using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Rooms;

public sealed class LiveSessionTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private sealed record Room(Guid Id, RoomHub Interviewer, RoomHub Candidate) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Interviewer.DisposeAsync();
            await Candidate.DisposeAsync();
        }
    }

    private async Task<(HttpClient Interviewer, HttpClient Candidate, Guid Id)> PairAsync(MockLoopApp? on = null)
    {
        on ??= app;
        var interviewer = await FormPosts.NewUserAsync(on, "Ivy Interviewer");
        var id = await FormPosts.CreateSessionAsync(interviewer, "Interviewer");
        var candidate = await FormPosts.NewUserAsync(on, "Cal Candidate");
        await FormPosts.JoinAsync(candidate, id);
        return (interviewer, candidate, id);
    }

    private async Task<Room> OpenRoomAsync()
    {
        var room = await PairedRoom.OpenAsync(app, "Ivy Interviewer", "Cal Candidate");
        return new Room(room.Id, room.InterviewerHub, room.CandidateHub);
    }

    private async Task<List<SessionEventRow>> LogAsync(Guid sessionId, MockLoopApp? on = null)
    {
        await using var scope = (on ?? app).Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Set<SessionEventRow>()
            .Where(e => e.SessionId == sessionId).OrderBy(e => e.Seq).ToListAsync();
    }

    [Fact]
    public async Task A_first_sync_gives_each_role_its_own_snapshot_of_the_case()
    {
        await using var room = await OpenRoomAsync();

        var forInterviewer = (await room.Interviewer.CallAsync("Sync", -1))!;
        var forCandidate = (await room.Candidate.CallAsync("Sync", -1))!;

        Assert.Equal(0, forInterviewer["seq"]!.GetValue<long>());
        Assert.Equal("notStarted", forCandidate["timer"]!["status"]!.GetValue<string>());
        Assert.Equal(7, forCandidate["timer"]!["steps"]!.AsArray().Count);
        Assert.NotEmpty(forCandidate["snapshot"]!["case"]!["prompt"]!.GetValue<string>());
        Assert.Null(forCandidate["snapshot"]!["case"]!["hints"]);
        Assert.Null(forCandidate["snapshot"]!["case"]!["facts"]);
        Assert.Null(forCandidate["snapshot"]!["notes"]);
        Assert.NotNull(forInterviewer["snapshot"]!["case"]!["hints"]!["evaluation"]);
        Assert.NotEmpty(forInterviewer["snapshot"]!["case"]!["facts"]!.AsArray());
    }

    [Fact]
    public async Task Candidate_cannot_drive_the_timer_and_nothing_is_stored()
    {
        await using var room = await OpenRoomAsync();

        var result = (await room.Candidate.CallAsync("Timer", new { type = "start" }, "c-1"))!;

        Assert.False(result["ok"]!.GetValue<bool>());
        Assert.Equal("interviewer_only", result["code"]!.GetValue<string>());
        Assert.Empty(await LogAsync(room.Id));
    }

    [Fact]
    public async Task A_timer_change_is_stored_then_acknowledged_and_broadcast_to_both()
    {
        await using var room = await OpenRoomAsync();

        var ack = (await room.Interviewer.CallAsync("Timer", new { type = "start" }, "i-1"))!;
        Assert.True(ack["ok"]!.GetValue<bool>());
        Assert.Equal(1, ack["seq"]!.GetValue<long>());

        var seen = await room.Candidate.ExpectAsync("Event");
        Assert.Equal(1, seen["seq"]!.GetValue<long>());
        Assert.Equal("running", seen["timer"]!["status"]!.GetValue<string>());
        Assert.NotNull(seen["timer"]!["runningSince"]);

        var log = await LogAsync(room.Id);
        Assert.Equal("timer", Assert.Single(log).Kind);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var session = await db.Sessions.SingleAsync(s => s.Id == room.Id);
        Assert.Equal(SessionStatus.Live, session.Status);
        Assert.NotNull(session.StartedAt);
        var timing = await db.Set<StepTimingRow>().SingleAsync(t => t.SessionId == room.Id);
        Assert.Equal("clarify-requirements", timing.StepId);
    }

    [Fact]
    public async Task Walking_the_steps_stores_each_steps_start_and_end()
    {
        await using var room = await OpenRoomAsync();
        await room.Interviewer.CallAsync("Timer", new { type = "start" }, null);
        for (var i = 0; i < 6; i++)
        {
            Assert.True((await room.Interviewer.CallAsync("Timer", new { type = "nextStep" }, null))!["ok"]!.GetValue<bool>());
        }
        var last = (await room.Interviewer.CallAsync("Timer", new { type = "nextStep" }, null))!;
        Assert.Equal("timer.last_step", last["code"]!.GetValue<string>());
        Assert.True((await room.Interviewer.CallAsync("Timer", new { type = "end" }, null))!["ok"]!.GetValue<bool>());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var timings = await db.Set<StepTimingRow>().Where(t => t.SessionId == room.Id).OrderBy(t => t.StepIndex).ToListAsync();
        Assert.Equal(7, timings.Count);
        Assert.All(timings, t => Assert.NotNull(t.EndedAt));
        Assert.Equal(SessionStatus.Ended, (await db.Sessions.SingleAsync(s => s.Id == room.Id)).Status);
    }

    [Fact]
    public async Task The_interviewers_notes_never_reach_the_candidate()
    {
        await using var room = await OpenRoomAsync();

        var ack = (await room.Interviewer.CallAsync("SaveNote", "evaluation", "Did not mention SECRET-NOTE-7f3.", "n-1"))!;
        Assert.True(ack["ok"]!.GetValue<bool>());

        var interviewerSees = await room.Interviewer.ExpectAsync("Event");
        Assert.Equal("Did not mention SECRET-NOTE-7f3.", interviewerSees["note"]!["text"]!.GetValue<string>());
        var candidateSees = await room.Candidate.ExpectAsync("Event");
        Assert.Equal("private", candidateSees["kind"]!.GetValue<string>());
        Assert.DoesNotContain("SECRET-NOTE-7f3", candidateSees.ToJsonString());

        var candidateSync = (await room.Candidate.CallAsync("Sync", 0))!;
        Assert.DoesNotContain("SECRET-NOTE-7f3", candidateSync.ToJsonString());
        var candidateSnapshot = (await room.Candidate.CallAsync("Sync", -1))!;
        Assert.DoesNotContain("SECRET-NOTE-7f3", candidateSnapshot.ToJsonString());

        var refused = (await room.Candidate.CallAsync("SaveNote", "evaluation", "sneaky", null))!;
        Assert.Equal("interviewer_only", refused["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_client_reconnecting_from_its_last_sequence_gets_only_what_it_missed()
    {
        await using var room = await OpenRoomAsync();
        await room.Interviewer.CallAsync("Timer", new { type = "start" }, null);
        await room.Interviewer.CallAsync("SendChat", "Let's begin with requirements.", null);
        await room.Candidate.CallAsync("SendChat", "Sounds good.", null);

        var sync = (await room.Candidate.CallAsync("Sync", 1))!;

        Assert.Null(sync["snapshot"]);
        var events = sync["events"]!.AsArray();
        Assert.Equal([2L, 3L], events.Select(e => e!["seq"]!.GetValue<long>()));
        Assert.Equal("Sounds good.", events[1]!["chat"]!["text"]!.GetValue<string>());
        Assert.Equal("Cal Candidate", events[1]!["chat"]!["authorName"]!.GetValue<string>());
        Assert.Equal("running", sync["timer"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_change_resent_with_the_same_id_is_applied_once()
    {
        await using var room = await OpenRoomAsync();

        var first = (await room.Candidate.CallAsync("SendChat", "hello", "chat-42"))!;
        var again = (await room.Candidate.CallAsync("SendChat", "hello", "chat-42"))!;

        Assert.Equal(first["seq"]!.GetValue<long>(), again["seq"]!.GetValue<long>());
        Assert.Single(await LogAsync(room.Id));
    }

    [Fact]
    public async Task Malformed_and_oversized_messages_get_an_error_and_change_nothing()
    {
        await using var paired = await PairedRoom.OpenAsync(app, "Ivy Interviewer", "Cal Candidate");
        var room = new Room(paired.Id, paired.InterviewerHub, paired.CandidateHub);

        var badCommand = (await room.Interviewer.CallAsync("Timer", new { type = "explode" }, null))!;
        Assert.Equal("bad_command", badCommand["code"]!.GetValue<string>());

        // Frames no real client sends go through the raw protocol client.
        await using var rawInterviewer = await RawHubClient.ConnectAsync(app, paired.Interviewer, $"session={paired.Id}");
        await using var rawCandidate = await RawHubClient.ConnectAsync(app, paired.Candidate, $"session={paired.Id}");
        var wrongTypes = await Assert.ThrowsAsync<HubCallException>(() => rawInterviewer.CallAsync("Timer", new { nope = 1 }, "x", 5));
        // SignalR refuses arguments of the wrong shape before the hub runs; the caller gets an error completion.
        Assert.StartsWith("Failed to invoke 'Timer'", wrongTypes.Message);

        var empty = (await room.Candidate.CallAsync("SendChat", "   ", null))!;
        Assert.Equal("empty", empty["code"]!.GetValue<string>());
        var tooLong = (await room.Candidate.CallAsync("SendChat", new string('x', 2001), null))!;
        Assert.Equal("too_long", tooLong["code"]!.GetValue<string>());
        var unknownStep = (await room.Interviewer.CallAsync("SaveNote", "no-such-step", "x", null))!;
        Assert.Equal("unknown_step", unknownStep["code"]!.GetValue<string>());

        Assert.Empty(await LogAsync(room.Id));

        // Past the hub's 64 KB message bound the server closes the connection; nothing is stored.
        await rawCandidate.SendFrameAsync($$"""{"type":1,"target":"SendChat","arguments":["{{new string('y', 70_000)}}",null]}""");
        Assert.True(await rawCandidate.ClosedByServerAsync(TimeSpan.FromSeconds(10)));
        Assert.Empty(await LogAsync(room.Id));
    }

    [Fact]
    public async Task After_a_server_restart_a_client_gets_the_full_state_and_carries_on()
    {
        var first = await MockLoopApp.StartOnAsync(app.Database);
        var (interviewer, _, id) = await PairAsync(first);
        await using (var hub = await RoomHub.ConnectAsync(first, interviewer, $"session={id}"))
        {
            await hub.CallAsync("Timer", new { type = "start" }, null);
            await hub.CallAsync("Timer", new { type = "nextStep" }, null);
            await hub.CallAsync("SendChat", "Before the restart.", "keep-me");
        }
        await first.DisposeAsync();

        await using var second = await MockLoopApp.StartOnAsync(app.Database);
        var interviewerAgain = second.CreateBrowserLikeClient();
        await FormPosts.SignInAsync(interviewerAgain, await EmailOfAsync(second, "Ivy Interviewer", id));
        await using var again = await RoomHub.ConnectAsync(second, interviewerAgain, $"session={id}");

        var snapshot = (await again.CallAsync("Sync", -1))!;
        Assert.Equal(3, snapshot["seq"]!.GetValue<long>());
        Assert.Equal(1, snapshot["timer"]!["currentStepIndex"]!.GetValue<int>());
        Assert.Equal("Before the restart.", snapshot["snapshot"]!["chat"]![0]!["text"]!.GetValue<string>());

        var resent = (await again.CallAsync("SendChat", "Before the restart.", "keep-me"))!;
        Assert.Equal(3, resent["seq"]!.GetValue<long>());
        var next = (await again.CallAsync("Timer", new { type = "nextStep" }, null))!;
        Assert.Equal(4, next["seq"]!.GetValue<long>());
        Assert.Equal(4, (await LogAsync(id, second)).Count);
    }

    private static async Task<string> EmailOfAsync(MockLoopApp on, string displayName, Guid sessionId)
    {
        await using var scope = on.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var session = await db.Sessions.SingleAsync(s => s.Id == sessionId);
        return await db.Users.Where(u => u.DisplayName == displayName && (u.Id == session.InterviewerId || u.Id == session.CandidateId))
            .Select(u => u.Email!).SingleAsync();
    }
}
