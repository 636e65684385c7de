using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Scoring;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Scoring;

public sealed class ReportAccessTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>A finished, scored interview: returns the session and both participants' clients.</summary>
    private async Task<(Guid Id, HttpClient Interviewer, HttpClient Candidate, RoomHub InterviewerHub, RoomHub CandidateHub)> ScoredAsync(string candidateName, string marker)
    {
        var (id, interviewer, candidate, i, c) = await PairedRoom.OpenAsync(app, "Ivy " + candidateName, candidateName);
        await i.CallAsync("Timer", new { type = "start" }, null);
        await i.CallAsync("ScoreCriterionMarks", "evaluation", "offline-evaluation", 3, marker, false, Array.Empty<int>(), null);
        await i.CallAsync("Timer", new { type = "end" }, null);
        var ack = (await i.CallAsync("SubmitScorecard", "Senior", "s", "i", "Next for " + marker, null))!;
        Assert.True(ack["ok"]!.GetValue<bool>(), ack.ToJsonString());
        return (id, interviewer, candidate, i, c);
    }

    [Fact]
    public async Task Reports_dashboards_and_exports_show_only_the_users_own_data()
    {
        var (aliceSession, _, alice, ah1, ah2) = await ScoredAsync("Alice", "ALICE-MARKER");
        var (bobSession, _, bob, bh1, bh2) = await ScoredAsync("Bob", "BOB-MARKER");
        await using var _1 = ah1; await using var _2 = ah2; await using var _3 = bh1; await using var _4 = bh2;

        Assert.Contains("ALICE-MARKER", await alice.GetStringAsync($"/reports/{aliceSession}"));
        Assert.Equal(HttpStatusCode.NotFound, (await alice.GetAsync($"/reports/{bobSession}")).StatusCode);

        var progress = await alice.GetStringAsync("/progress");
        Assert.Contains($"/reports/{aliceSession}", progress);
        Assert.DoesNotContain($"/reports/{bobSession}", progress);

        var csv = await alice.GetStringAsync("/progress.csv");
        Assert.Contains("ALICE-MARKER", csv);
        Assert.DoesNotContain("BOB-MARKER", csv);
        Assert.StartsWith("submitted_at,session_id,", csv);

        var bobCsv = await bob.GetStringAsync("/progress.csv");
        Assert.DoesNotContain("ALICE-MARKER", bobCsv);
        Assert.Equal(HttpStatusCode.Redirect, (await app.CreateBrowserLikeClient().GetAsync("/progress.csv")).StatusCode);
    }

    [Fact]
    public async Task The_interviewer_sees_the_scorecards_they_gave_with_a_calibration_against_others()
    {
        var (id, interviewer, _, h1, h2) = await ScoredAsync("Carol", "CAROL-MARKER");
        var (_, _, _, h3, h4) = await ScoredAsync("Dave", "DAVE-MARKER");
        await using var _1 = h1; await using var _2 = h2; await using var _3 = h3; await using var _4 = h4;

        var page = await interviewer.GetStringAsync("/progress/given");
        Assert.Contains($"/reports/{id}", page);
        Assert.Contains("Carol", page);
        Assert.DoesNotContain("Dave", page);
        Assert.Contains("Other interviewers", page);
    }

    [Fact]
    public async Task Either_participant_starts_one_return_match_with_roles_reversed_and_another_case()
    {
        await using var room = await PairedRoom.OpenAsync(app, "Ivy Swap", "Cal Swap", caseId: "fraud-detection");
        var (id, i, c) = (room.Id, room.InterviewerHub, room.CandidateHub);

        Assert.Equal("not_ended", (await c.CallAsync("StartReturnMatch"))!["code"]!.GetValue<string>());
        await i.CallAsync("Timer", new { type = "start" }, null);
        await i.CallAsync("Timer", new { type = "end" }, null);

        var first = (await c.CallAsync("StartReturnMatch"))!;
        var location = first["location"]!.GetValue<string>();
        Assert.Equal(location, (await i.ExpectAsync("ReturnMatch"))["sessionUrl"]!.GetValue<string>());
        Assert.Equal(location, (await i.CallAsync("StartReturnMatch"))!["location"]!.GetValue<string>());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var old = await db.Sessions.SingleAsync(s => s.Id == id);
        var nextId = Guid.Parse(location["/s/".Length..]);
        var next = await db.Sessions.SingleAsync(s => s.Id == nextId);
        Assert.Equal(old.CandidateId, next.InterviewerId);
        Assert.Equal(old.InterviewerId, next.CandidateId);
        Assert.Equal(old.RubricId, next.RubricId);
        Assert.NotEqual("fraud-detection", next.CaseId);
        Assert.Equal(2, await db.Sessions.CountAsync());
    }

    [Fact]
    public async Task Demo_data_seeds_two_accounts_and_a_dozen_scored_sessions_but_never_in_production()
    {
        await using (var demo = await MockLoopApp.StartOnAsync(app.Database, builder => builder.UseSetting("Demo:Seed", "true")))
        {
            await using var scope = demo.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var candidate = await db.Users.SingleAsync(u => u.Email == "demo.candidate@mockloop.local");
            Assert.Equal(12, await db.Set<ScorecardRow>().CountAsync(c => c.CandidateId == candidate.Id));
            // The demo shows the current rubric: version 3 of the ML system design rubric, with its criterion ids.
            Assert.Equal([("ml-system-design", 3)], (await db.Set<ScorecardRow>().Where(c => c.CandidateId == candidate.Id)
                .Select(c => new { c.RubricId, c.RubricVersion }).Distinct().ToListAsync()).Select(c => (c.RubricId, c.RubricVersion)));
            Assert.True(await db.Set<CriterionScoreRow>().AnyAsync(s => s.CriterionId == "communication"));
            // Written as live sessions write: every scorecard, timing and step diagram follows from the session's log.
            var sessions = await db.Sessions.Where(s => s.CandidateId == candidate.Id).Select(s => s.Id).ToListAsync();
            Assert.Equal(12, await db.Set<SessionEventRow>().CountAsync(e => sessions.Contains(e.SessionId) && e.Kind == SessionLogKinds.Scorecard));
            Assert.Equal(
                await db.Set<SessionEventRow>().CountAsync(e => sessions.Contains(e.SessionId) && e.Kind == SessionLogKinds.Timer) - 12,
                await db.Set<StepTimingRow>().CountAsync(t => sessions.Contains(t.SessionId)));
            Assert.Equal(
                await db.Set<StepTimingRow>().CountAsync(t => sessions.Contains(t.SessionId)),
                await db.Set<StepDiagramRow>().CountAsync(d => sessions.Contains(d.SessionId)));
            // Each has its stored report, written by the same writer, and it says what the tables and the log say.
            Assert.Equal(12, await db.Set<ReportProjectionRow>().CountAsync(p => sessions.Contains(p.SessionId)));
            foreach (var session in sessions)
            {
                var (stored, fromTables) = await StoredReports.BothAsync(demo.Services, session);
                Assert.Equal(fromTables, stored);
            }
        }

        var production = await Assert.ThrowsAnyAsync<Exception>(() => MockLoopApp.StartOnAsync(app.Database, builder =>
        {
            builder.UseSetting("Demo:Seed", "true");
            builder.UseEnvironment("Production");
        }));
        Assert.Contains("never seeded in Production", production.ToString());
    }
}
