using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Web.Data;
using MockLoop.Web.Scoring;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Scoring;

public sealed class ScoringHubTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    private const string SecretNote = "Never named a ranking metric";

    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<(RoomHub Interviewer, RoomHub Candidate, Guid Id, HttpClient CandidateHttp)> OpenAsync()
    {
        var room = await PairedRoom.OpenAsync(app);
        return (room.InterviewerHub, room.CandidateHub, room.Id, room.Candidate);
    }

    [Fact]
    public async Task Scores_never_reach_the_candidate_before_the_scorecard_is_submitted()
    {
        var (interviewer, candidate, id, candidateHttp) = await OpenAsync();
        await using var _ = interviewer;
        await using var __ = candidate;
        await interviewer.CallAsync("Timer", new { type = "start" }, null);
        await candidate.ExpectAsync("Event");

        var ack = (await interviewer.CallAsync("ScoreCriterionMarks", "evaluation", "offline-evaluation", 2, SecretNote, false, Array.Empty<int>(), null))!;
        Assert.True(ack["ok"]!.GetValue<bool>(), ack.ToJsonString());

        var interviewerSees = await interviewer.ExpectAsync("Event");
        interviewerSees = interviewerSees["kind"]!.GetValue<string>() == "score" ? interviewerSees : await interviewer.ExpectAsync("Event");
        Assert.Equal(2, interviewerSees["score"]!["level"]!.GetValue<int>());
        Assert.NotNull(interviewerSees["preview"]);

        var candidateSees = await candidate.ExpectAsync("Event");
        Assert.Equal("private", candidateSees["kind"]!.GetValue<string>());
        Assert.Null(candidateSees["score"]);
        Assert.Null(candidateSees["preview"]);

        var snapshot = (await candidate.CallAsync("Sync", -1))!;
        Assert.Null(snapshot["snapshot"]!["scores"]);
        Assert.Null(snapshot["snapshot"]!["preview"]);
        Assert.Null(snapshot["snapshot"]!["scorecard"]);
        Assert.DoesNotContain(SecretNote, snapshot.ToJsonString());
        Assert.DoesNotContain(SecretNote, (await candidate.CallAsync("Sync", 0))!.ToJsonString());

        // No page the candidate can reach shows it either.
        foreach (var page in new[] { $"/s/{id}", "/sessions", $"/reports/{id}", "/progress", "/progress.csv" })
        {
            var body = await (await candidateHttp.GetAsync(page)).Content.ReadAsStringAsync();
            Assert.DoesNotContain(SecretNote, body);
        }
    }

    [Fact]
    public async Task Roles_are_enforced_on_scores_self_assessment_and_submission()
    {
        var (interviewer, candidate, _, _) = await OpenAsync();
        await using var _i = interviewer;
        await using var _c = candidate;

        Assert.Equal("interviewer_only", (await candidate.CallAsync("ScoreCriterionMarks", "evaluation", "offline-evaluation", 4, null, false, Array.Empty<int>(), null))!["code"]!.GetValue<string>());
        Assert.Equal("candidate_only", (await interviewer.CallAsync("SelfAssess", "evaluation", "offline-evaluation", 4, null))!["code"]!.GetValue<string>());
        Assert.Equal("not_ended", (await candidate.CallAsync("SelfAssess", "evaluation", "offline-evaluation", 4, null))!["code"]!.GetValue<string>());
        Assert.Equal("interviewer_only", (await candidate.CallAsync("SubmitScorecard", "Senior", "", "", "x", null))!["code"]!.GetValue<string>());
        Assert.Equal("not_ended", (await interviewer.CallAsync("SubmitScorecard", "Senior", "", "", "x", null))!["code"]!.GetValue<string>());
        Assert.Equal("unknown_criterion", (await interviewer.CallAsync("ScoreCriterionMarks", "evaluation", "vibes", 4, null, false, Array.Empty<int>(), null))!["code"]!.GetValue<string>());
        Assert.Equal("bad_level", (await interviewer.CallAsync("ScoreCriterionMarks", "evaluation", "offline-evaluation", 7, null, false, Array.Empty<int>(), null))!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Submitting_completes_the_session_stores_the_scorecard_and_reveals_the_scores()
    {
        var (interviewer, candidate, id, _) = await OpenAsync();
        await using var _i = interviewer;
        await using var _c = candidate;
        await interviewer.CallAsync("Timer", new { type = "start" }, null);
        await interviewer.CallAsync("ScoreCriterionMarks", "clarify-requirements", "objective-and-scope", 3, "Clear KPI", false, Array.Empty<int>(), null);
        await interviewer.CallAsync("ScoreCriterionMarks", "evaluation", "offline-evaluation", 2, SecretNote, false, Array.Empty<int>(), null);
        await interviewer.CallAsync("Timer", new { type = "end" }, null);
        Assert.True((await candidate.CallAsync("SelfAssess", "evaluation", "offline-evaluation", 3, null))!["ok"]!.GetValue<bool>());

        Assert.Equal("next_step_missing", (await interviewer.CallAsync("SubmitScorecard", "Senior", "Structured", "Metrics", " ", null))!["code"]!.GetValue<string>());
        Assert.Equal("bad_level", (await interviewer.CallAsync("SubmitScorecard", "Wizard", "a", "b", "c", null))!["code"]!.GetValue<string>());
        var ack = (await interviewer.CallAsync("SubmitScorecard", "Senior", "Structured requirements", "Evaluation depth", "Practise ranking metrics", null))!;
        Assert.True(ack["ok"]!.GetValue<bool>(), ack.ToJsonString());
        Assert.Equal("submitted", (await interviewer.CallAsync("ScoreCriterionMarks", "evaluation", "offline-evaluation", 4, null, false, Array.Empty<int>(), null))!["code"]!.GetValue<string>());

        var reveal = (await candidate.CallAsync("Sync", -1))!["snapshot"]!;
        Assert.Contains(SecretNote, reveal["scores"]!.ToJsonString());
        Assert.Equal("Senior", reveal["scorecard"]!["targetLevel"]!.GetValue<string>());
        Assert.Equal("Practise ranking metrics", reveal["scorecard"]!["nextStep"]!.GetValue<string>());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var card = await db.Set<ScorecardRow>().SingleAsync(s => s.SessionId == id);
        Assert.Equal("ml-system-design", card.RubricId);
        Assert.Equal(3, card.RubricVersion);
        Assert.NotNull(card.Overall);
        Assert.Equal(2, await db.Set<CriterionScoreRow>().CountAsync(s => s.SessionId == id && s.Source == ScoreSources.Interviewer));
        Assert.Equal(1, await db.Set<CriterionScoreRow>().CountAsync(s => s.SessionId == id && s.Source == ScoreSources.Self));
        // One row per rubric step: version 3 has seven timed steps and the whole-interview dimension.
        Assert.Equal(8, await db.Set<ScorecardStepRow>().CountAsync(s => s.SessionId == id));
    }
}
