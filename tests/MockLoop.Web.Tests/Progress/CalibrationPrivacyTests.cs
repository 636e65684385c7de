using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms;
using MockLoop.Web.Scoring;
using MockLoop.Web.Tests.Rubrics;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Progress;

/// <summary>
/// Item 7: calibration shows other interviewers' averages only over at least three of them, and a custom rubric
/// that shares another owner's id never mixes their scores in.
/// </summary>
public sealed class CalibrationPrivacyTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        await app.Database.ResetAsync();
        await FormPosts.NewUserAsync(app, "Cand");
    }
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_other_interviewers_are_too_few_to_show_their_average_and_three_are_enough()
    {
        var me = await InterviewerAsync("Me");
        await ScorecardAsync(me.Id, "ml-system-design", 2.0, owner: me.Id);
        var colleague = await InterviewerAsync("Colleague 1");
        await ScorecardAsync(colleague.Id, "ml-system-design", 4.0, owner: colleague.Id);
        await ScorecardAsync((await InterviewerAsync("Colleague 2")).Id, "ml-system-design", 4.0, owner: colleague.Id);

        var twoOthers = await GivenAsync(me.Client);
        Assert.Contains("appear once at least 3", twoOthers);
        Assert.DoesNotContain("4.00", twoOthers);

        await ScorecardAsync((await InterviewerAsync("Colleague 3")).Id, "ml-system-design", 4.0, owner: colleague.Id);

        var threeOthers = await GivenAsync(me.Client);
        Assert.DoesNotContain("appear once at least 3", threeOthers);
        Assert.Contains("4.00", threeOthers);
    }

    [Fact]
    public async Task Scores_on_another_owners_custom_rubric_with_the_same_id_never_count()
    {
        var me = await InterviewerAsync("Me");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadPosts.PasteAsync(me.Client, UploadPosts.ValidRubric("shared-id"))).StatusCode);
        await ScorecardAsync(me.Id, "shared-id", 2.0, owner: me.Id);
        // Three others upload a rubric with the same id and score 4 with it: their rubric is not mine.
        for (var i = 1; i <= 3; i++)
        {
            var other = await InterviewerAsync($"Other {i}");
            Assert.Equal(HttpStatusCode.Redirect, (await UploadPosts.PasteAsync(other.Client, UploadPosts.ValidRubric("shared-id"))).StatusCode);
            await ScorecardAsync(other.Id, "shared-id", 4.0, owner: other.Id);
        }

        var page = await GivenAsync(me.Client);

        Assert.Contains("(so far: 0)", page);
        Assert.DoesNotContain("4.00", page);
    }

    private async Task<(HttpClient Client, Guid Id)> InterviewerAsync(string name)
    {
        var client = await FormPosts.NewUserAsync(app, name);
        await using var scope = app.Services.CreateAsyncScope();
        var id = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.DisplayName == name).Select(u => u.Id).SingleAsync();
        return (client, id);
    }

    /// <summary>A submitted scorecard as the live session writes it: a finished session, its scorecard, its step scores.</summary>
    private async Task ScorecardAsync(Guid interviewerId, string rubricId, double stepScore, Guid owner)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var candidate = await db.Users.Where(u => u.DisplayName == "Cand").Select(u => u.Id).SingleAsync();
        var now = DateTimeOffset.UtcNow;
        var session = new InterviewSession
        {
            Id = Guid.CreateVersion7(), CreatedAt = now, CreatedById = owner, InterviewerId = interviewerId, CandidateId = candidate,
            Status = SessionStatus.Ended, RubricId = rubricId, RubricVersion = 1, StartedAt = now, EndedAt = now,
        };
        db.Add(session);
        db.Add(new ScorecardRow
        {
            SessionId = session.Id, RubricId = rubricId, RubricVersion = 1, InterviewerId = interviewerId, CandidateId = candidate,
            TargetLevel = "Senior", Overall = stepScore, Verdict = "meets", NextStep = "Practise", SubmittedAt = now,
        });
        db.Add(new ScorecardStepRow { SessionId = session.Id, StepId = "clarify-requirements", Score = stepScore });
        await db.SaveChangesAsync();
    }

    private static async Task<string> GivenAsync(HttpClient client) =>
        WebUtility.HtmlDecode(await client.GetStringAsync("/progress/given"));
}
