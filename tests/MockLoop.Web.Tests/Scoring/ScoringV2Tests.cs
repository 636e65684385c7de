using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Data;
using MockLoop.Web.Scoring;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Scoring;

/// <summary>Rubric v2 in the live session and on the report: strong signals, hint caps, red flags, time-outs, old v1 scorecards.</summary>
public sealed class ScoringV2Tests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    private const string AccuracyFlag = "Keeps accuracy as the metric when positives are rare";

    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<JsonNode> InterviewerSnapshotAsync(RoomHub interviewer) => (await interviewer.CallAsync("Sync", -1))!["snapshot"]!;

    private static double? StepScore(JsonNode snapshot, string stepId) =>
        snapshot["preview"]!["steps"]!.AsArray().Single(s => s!["stepId"]!.GetValue<string>() == stepId)!["score"]?.GetValue<double>();

    private static string Code(JsonNode? ack) => ack!["code"]?.GetValue<string>() ?? (ack["ok"]!.GetValue<bool>() ? "ok" : "?");

    [Fact]
    public async Task Level_4_needs_two_strong_signals_and_a_needed_hint_counts_as_3()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        var i = room.InterviewerHub;
        await i.CallAsync("Timer", new { type = "start" }, null);

        Assert.Equal("bad_marks", Code(await i.CallAsync("ScoreCriterionMarks", "clarify-requirements", "scale-and-budgets", 4, null, false, Array.Empty<int>(), null)));
        Assert.Equal("bad_marks", Code(await i.CallAsync("ScoreCriterionMarks", "clarify-requirements", "scale-and-budgets", 4, null, false, new[] { 0 }, null)));
        Assert.Equal("bad_marks", Code(await i.CallAsync("ScoreCriterionMarks", "clarify-requirements", "scale-and-budgets", 3, null, false, new[] { 9 }, null)));
        Assert.Equal("ok", Code(await i.CallAsync("ScoreCriterionMarks", "clarify-requirements", "scale-and-budgets", 4, null, false, new[] { 0, 2 }, null)));
        Assert.Equal(4, StepScore(await InterviewerSnapshotAsync(i), "clarify-requirements"));

        Assert.Equal("ok", Code(await i.CallAsync("ScoreCriterionMarks", "clarify-requirements", "scale-and-budgets", 4, null, true, new[] { 0, 2 }, null)));
        Assert.Equal(3, StepScore(await InterviewerSnapshotAsync(i), "clarify-requirements"));

        // A note saved with the criterion's marks keeps them (the room always sends the marks it shows).
        Assert.Equal("ok", Code(await i.CallAsync("ScoreCriterionMarks", "clarify-requirements", "scale-and-budgets", 4, "Did the QPS maths", true, new[] { 0, 2 }, null)));
        var score = (await InterviewerSnapshotAsync(i))["scores"]!.AsArray().Single()!;
        Assert.True(score["neededHint"]!.GetValue<bool>());
        Assert.Equal([0, 2], score["signals"]!.AsArray().Select(n => n!.GetValue<int>()));
        Assert.Equal("Did the QPS maths", score["note"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_red_flag_is_interviewer_only_and_caps_the_submitted_verdict_whatever_the_average()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        var (i, c) = (room.InterviewerHub, room.CandidateHub);
        await i.CallAsync("Timer", new { type = "start" }, null);
        foreach (var (step, criterion) in new[]
        {
            ("frame-ml-task", "task-formulation"), ("frame-ml-task", "objective-alignment"),
            ("data-and-features", "labels-and-dataset"), ("data-and-features", "features-and-consistency"),
            ("model-development", "baseline"), ("model-development", "architecture"), ("model-development", "training"),
            ("evaluation", "offline-evaluation"), ("evaluation", "online-experiment"),
        })
        {
            Assert.Equal("ok", Code(await i.CallAsync("ScoreCriterionMarks", step, criterion, 4, null, false, new[] { 0, 1 }, null)));
        }

        Assert.Equal("interviewer_only", Code(await c.CallAsync("RecordRedFlag", "evaluation", "accuracy-on-rare-positives", true, null)));
        Assert.Equal("unknown_red_flag", Code(await i.CallAsync("RecordRedFlag", "evaluation", "vibes", true, null)));
        Assert.Equal("ok", Code(await i.CallAsync("RecordRedFlag", "evaluation", "accuracy-on-rare-positives", true, null)));
        Assert.Equal("ok", Code(await i.CallAsync("RecordRedFlag", "model-development", "unservable-model", true, null)));
        Assert.Equal("ok", Code(await i.CallAsync("RecordRedFlag", "model-development", "unservable-model", false, null)));

        var mine = await InterviewerSnapshotAsync(i);
        Assert.Equal(["accuracy-on-rare-positives"], mine["redFlags"]!.AsArray().Select(f => f!["flagId"]!.GetValue<string>()));
        var theirs = (await c.CallAsync("Sync", -1))!;
        Assert.Null(theirs["snapshot"]!["redFlags"]);
        // The rubric's list of possible red flags is public; which ones were recorded is not.
        Assert.DoesNotContain("flagId", theirs.ToJsonString());
        Assert.DoesNotContain("flagId", (await c.CallAsync("Sync", 0))!.ToJsonString());

        await i.CallAsync("Timer", new { type = "end" }, null);
        Assert.Equal("ok", Code(await i.CallAsync("SubmitScorecard", "Mid", "", "", "Pick metrics for rare positives", null)));
        Assert.Equal("submitted", Code(await i.CallAsync("RecordRedFlag", "evaluation", "accuracy-on-rare-positives", false, null)));

        var verdict = (await c.CallAsync("Sync", -1))!["snapshot"]!["scorecard"]!["verdict"]!;
        Assert.Equal("Below", verdict["outcome"]!.GetValue<string>());
        Assert.Equal(4, verdict["overall"]!.GetValue<double>());
        Assert.Contains(AccuracyFlag, verdict["redFlags"]!.ToJsonString());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal("Below", (await db.Set<ScorecardRow>().SingleAsync(s => s.SessionId == room.Id)).Verdict);

        var report = WebUtility.HtmlDecode(await room.Candidate.GetStringAsync($"/reports/{room.Id}"));
        Assert.Contains("Below the Mid bar", report);
        Assert.Contains(AccuracyFlag, report);
        Assert.Contains("Strong signals:", report);
    }

    [Fact]
    public async Task A_session_that_ran_out_of_time_still_gets_a_verdict_naming_the_steps_not_assessed()
    {
        await using var room = await PairedRoom.OpenAsync(app);
        var i = room.InterviewerHub;
        await i.CallAsync("Timer", new { type = "start" }, null);
        await i.CallAsync("ScoreCriterionMarks", "clarify-requirements", "objective-and-scope", 3, null, false, Array.Empty<int>(), null);
        await i.CallAsync("ScoreCriterionMarks", "clarify-requirements", "scale-and-budgets", 3, null, false, Array.Empty<int>(), null);
        await i.CallAsync("Timer", new { type = "end" }, null);
        Assert.Equal("ok", Code(await i.CallAsync("SubmitScorecard", "Mid", "", "", "Move faster through clarification", null)));

        var verdict = (await InterviewerSnapshotAsync(i))["scorecard"]!["verdict"]!;
        Assert.Equal("Meets", verdict["outcome"]!.GetValue<string>());
        Assert.True(verdict["ranOutOfTime"]!.GetValue<bool>());
        Assert.Equal(7, verdict["unassessedSteps"]!.AsArray().Count);

        var report = WebUtility.HtmlDecode(await room.Candidate.GetStringAsync($"/reports/{room.Id}"));
        Assert.Contains("The interview ran out of time; not assessed: Frame as an ML task, Data and features", report);
    }

    [Fact]
    public async Task An_old_v1_scorecard_keeps_its_rubric_and_its_report_renders_and_progress_keeps_the_versions_apart()
    {
        var (id, _, candidate, i, c) = await PairedRoom.OpenAsync(app, caseId: "fraud-detection");
        await using var _i = i;
        await using var _c = c;
        await i.CallAsync("Timer", new { type = "start" }, null);
        await i.CallAsync("ScoreCriterionMarks", "evaluation", "offline-evaluation", 3, null, false, Array.Empty<int>(), null);
        await i.CallAsync("Timer", new { type = "end" }, null);
        Assert.Equal("ok", Code(await i.CallAsync("SubmitScorecard", "Senior", "", "", "v2 next step", null)));

        // An interview scored before v2 shipped: its session, scorecard and criterion rows name version 1.
        Guid oldId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var v2 = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == id);
            var card = await db.Set<ScorecardRow>().AsNoTracking().SingleAsync(s => s.SessionId == id);
            oldId = Guid.NewGuid();
            db.Sessions.Add(new MockLoop.Web.Rooms.InterviewSession
            {
                Id = oldId, CreatedAt = v2.CreatedAt.AddDays(-30), CreatedById = v2.CreatedById, InterviewerId = v2.InterviewerId,
                CandidateId = v2.CandidateId, Status = v2.Status, RubricId = "ml-system-design", RubricVersion = 1, CaseId = "fraud-detection",
            });
            db.Add(new ScorecardRow
            {
                SessionId = oldId, RubricId = "ml-system-design", RubricVersion = 1, InterviewerId = card.InterviewerId, CandidateId = card.CandidateId,
                CaseId = "fraud-detection", TargetLevel = "Senior", Overall = 2, Verdict = "InsufficientData", NextStep = "v1 next step",
                SubmittedAt = card.SubmittedAt.AddDays(-30),
            });
            db.Add(new ScorecardStepRow { SessionId = oldId, StepId = "evaluation", Score = 2 });
            db.Add(new CriterionScoreRow { SessionId = oldId, Source = ScoreSources.Interviewer, StepId = "evaluation", CriterionId = "offline-metrics", Level = 2 });
            await db.SaveChangesAsync();
        }

        var old = WebUtility.HtmlDecode(await candidate.GetStringAsync($"/reports/{oldId}"));
        Assert.Contains("Machine-learning system design · v1", old);
        Assert.Contains("Offline metrics", old);
        Assert.Contains("v1 next step", old);
        var current = WebUtility.HtmlDecode(await candidate.GetStringAsync($"/reports/{id}"));
        Assert.Contains("Machine-learning system design · v3", current);
        Assert.Contains("Your final design and a reference design", current);
        Assert.Contains("core components drawn", current);

        var progress = WebUtility.HtmlDecode(await candidate.GetStringAsync("/progress"));
        Assert.Contains("<option value=\"ml-system-design@1\"", progress);
        Assert.Contains("ml-system-design v3", progress);
        Assert.Contains("1 scored session on", progress);
        var v1 = WebUtility.HtmlDecode(await candidate.GetStringAsync("/progress?rubric=ml-system-design%401"));
        Assert.Contains($"/reports/{oldId}", v1);
        Assert.DoesNotContain($"/reports/{id}", v1);
    }
}
