using System.Net;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Reports;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Rubrics;
using MockLoop.Web.Scoring;
using MockLoop.Web.Tests.Support;

namespace MockLoop.Web.Tests.Scoring;

/// <summary>The report is computed once, at submission, stored beside the scorecard, and read with one query (ADR 165).</summary>
public sealed class StoredReportTests(MockLoopApp app) : IClassFixture<MockLoopApp>, IAsyncLifetime
{
    private const string PrivateNote = "PRIVATE-STEP-NOTE";

    public Task InitializeAsync() => app.Database.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_stored_report_is_what_the_tables_and_the_log_give_and_keeps_the_private_notes_out()
    {
        var (id, interviewer, candidate) = await PlayAsync(app);

        var (stored, fromTables) = await StoredReports.BothAsync(app.Services, id);
        Assert.Equal(fromTables, stored);

        var report = ReportProjectionJson.Deserialize(stored);
        var scale = report.Step("clarify-requirements")!.Criteria.Single(c => c.CriterionId == "scale-and-budgets");
        Assert.Equal((4, true, 3), (scale.Level, scale.NeededHint, scale.SelfLevel));
        Assert.Equal([0, 2], scale.Signals);
        Assert.Equal(3, report.Step("clarify-requirements")!.Criteria.Single(c => c.CriterionId == "objective-and-scope").Level);
        // Self-assessed after the submission: the stored report follows.
        Assert.Equal(2, report.Step("frame-ml-task")!.Criteria.Single(c => c.CriterionId == "task-formulation").SelfLevel);
        Assert.Equal(["accuracy-on-rare-positives"], report.Verdict.RedFlags.Select(f => f.Flag.Id));
        Assert.True(report.Verdict.RanOutOfTime);
        Assert.Equal(["feature-store", "model-server"], report.Coverage!.Present);
        Assert.Equal(["monitoring"], report.Coverage.OptionalPresent);
        Assert.DoesNotContain(PrivateNote, stored);

        foreach (var client in new[] { interviewer, candidate })
        {
            var page = WebUtility.HtmlDecode(await client.GetStringAsync($"/reports/{id}"));
            Assert.Contains("Below the Senior bar", page);
            Assert.Contains("Did the QPS maths", page);
            Assert.Contains("Needed a hint: counts as 3", page);
            Assert.Contains("Next: metrics for rare positives", page);
            Assert.Contains("2 of 7 core components drawn", page);
            Assert.DoesNotContain(PrivateNote, page);
        }
    }

    [Fact]
    public async Task Start_up_stores_the_reports_of_sessions_submitted_before_reports_were_stored()
    {
        var (id, _, _) = await PlayAsync(app);
        Guid legacyId;
        string original;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            original = await db.Set<ReportProjectionRow>().Where(p => p.SessionId == id).Select(p => p.Projection).SingleAsync();
            // One stored in an older shape, and one submitted before the log kept scores (rows only, nothing stored).
            await db.Set<ReportProjectionRow>().Where(p => p.SessionId == id)
                .ExecuteUpdateAsync(u => u.SetProperty(p => p.Version, 0).SetProperty(p => p.Projection, "{}"));
            legacyId = await LegacyScorecardAsync(db, id);
            Assert.Equal(new[] { legacyId, id }.Order(), (await ReportBackfillPending(db)).Order());
        }

        await using var restarted = await MockLoopApp.StartOnAsync(app.Database);
        await using (var scope = restarted.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            Assert.Empty(await ReportBackfillPending(db));
            Assert.Equal(Normalized(original),
                Normalized(await db.Set<ReportProjectionRow>().Where(p => p.SessionId == id).Select(p => p.Projection).SingleAsync()));
            var legacy = ReportProjectionJson.Deserialize(
                await db.Set<ReportProjectionRow>().Where(p => p.SessionId == legacyId).Select(p => p.Projection).SingleAsync());
            Assert.Equal(2, legacy.Overall);
            Assert.Equal(2, legacy.Step("evaluation")!.Criteria.Single(c => c.CriterionId == "offline-evaluation").Level);
        }
        var (stored, fromTables) = await StoredReports.BothAsync(restarted.Services, legacyId);
        Assert.Equal(fromTables, stored);
    }

    [Fact]
    public async Task The_report_is_read_with_one_query()
    {
        var counter = new CommandCounter();
        await using var counted = await MockLoopApp.StartOnAsync(app.Database,
            builder => builder.ConfigureTestServices(services => services.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(counter))));
        var (id, _, _) = await PlayAsync(counted);
        await using var scope = counted.Services.CreateAsyncScope();
        var candidateId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Sessions
            .Where(s => s.Id == id).Select(s => s.CandidateId!.Value).SingleAsync();
        var reports = scope.ServiceProvider.GetRequiredService<ReportService>();
        List<string> commands;
        (ReportAccess Access, Report? Report) found;
        using (counter.Count(out commands))
        {
            found = await reports.ForAsync(id, candidateId);
        }
        Assert.Equal(ReportAccess.Found, found.Access);
        Assert.Equal(8, found.Report!.Steps.Count); // rubric v3: seven steps and the whole-interview dimension
        Assert.Single(commands);
        Assert.DoesNotContain("session_events", commands[0]);
    }

    /// <summary>
    /// A fraud-detection interview played through the session's writer (what its grain hosts), as two people would:
    /// diagram edits, scores with marks and a changed mind, a private note, a red flag raised and one withdrawn, time
    /// running out after two steps, a self-assessment before and one after the submission.
    /// </summary>
    private static async Task<(Guid Id, HttpClient Interviewer, HttpClient Candidate)> PlayAsync(MockLoopApp target)
    {
        var interviewer = await FormPosts.NewUserAsync(target, "Ivy Stored");
        var id = await FormPosts.CreateSessionAsync(interviewer, "Interviewer", caseId: "fraud-detection");
        var candidate = await FormPosts.NewUserAsync(target, "Cal Stored");
        await FormPosts.JoinAsync(candidate, id);

        var services = target.Services;
        var scopes = services.GetRequiredService<IServiceScopeFactory>();
        var loaded = (await SessionLoader.LoadForWritingAsync(id, scopes, CancellationToken.None))!;
        var writer = new SessionWriter(loaded, scopes, services.GetRequiredService<SessionLogWriter>(),
            services.GetRequiredService<SessionSnapshotWriter>(), TimeProvider.System, _ => { });
        var (i, c) = (loaded.Row.InterviewerId!.Value, loaded.Row.CandidateId!.Value);
        async Task Play(Guid who, LiveCommand command, string? clientId = null) =>
            Assert.True((await writer.SubmitAsync(who, command, clientId)).Ok, command.ToString());

        await Play(i, new DriveTimer(new StartTimer()));
        var drawn = new[] { "feature-store", "model-server", "monitoring", "client" };
        for (var n = 0; n < drawn.Length; n++)
        {
            var op = new AddNodeOp($"op-{n}", new DiagramNode($"n{n}", drawn[n], drawn[n], 60 + n * 220, 60, 180, 64));
            await Play(c, new EditDiagram(op), op.OpId);
        }
        await Play(i, new ScoreCriterion("clarify-requirements", "scale-and-budgets", 4, "Did the QPS maths", NeededHint: true, Signals: [0, 2]));
        await Play(i, new ScoreCriterion("clarify-requirements", "objective-and-scope", 2, null));
        await Play(i, new ScoreCriterion("clarify-requirements", "objective-and-scope", 3, null));
        await Play(i, new WriteNote("clarify-requirements", PrivateNote));
        await Play(i, new RecordRedFlag("evaluation", "accuracy-on-rare-positives", true));
        await Play(i, new RecordRedFlag("model-development", "unservable-model", true));
        await Play(i, new RecordRedFlag("model-development", "unservable-model", false));
        await Play(i, new DriveTimer(new NextStep()));
        await Play(i, new ScoreCriterion("frame-ml-task", "task-formulation", 3, null));
        await Play(i, new DriveTimer(new EndTimer()));
        await Play(c, new SelfAssess("clarify-requirements", "scale-and-budgets", 3));
        await Play(i, new SubmitScorecard("Senior", "Scale maths", "Evaluation", "Next: metrics for rare positives"));
        await Play(c, new SelfAssess("frame-ml-task", "task-formulation", 2));
        return (id, interviewer, candidate);
    }

    /// <summary>A v1 scorecard written as before the log kept scores: rows only, for the same two people.</summary>
    private static async Task<Guid> LegacyScorecardAsync(AppDbContext db, Guid like)
    {
        var session = await db.Sessions.AsNoTracking().SingleAsync(s => s.Id == like);
        var card = await db.Set<ScorecardRow>().AsNoTracking().SingleAsync(s => s.SessionId == like);
        var id = Guid.NewGuid();
        db.Sessions.Add(new MockLoop.Web.Rooms.InterviewSession
        {
            Id = id, CreatedAt = session.CreatedAt.AddDays(-30), CreatedById = session.CreatedById, InterviewerId = session.InterviewerId,
            CandidateId = session.CandidateId, Status = session.Status, RubricId = "ml-system-design", RubricVersion = 2,
        });
        db.Add(new ScorecardRow
        {
            SessionId = id, RubricId = "ml-system-design", RubricVersion = 2, InterviewerId = card.InterviewerId, CandidateId = card.CandidateId,
            TargetLevel = "Mid", Overall = 2, Verdict = "InsufficientData", NextStep = "legacy next step", SubmittedAt = card.SubmittedAt.AddDays(-30),
        });
        db.Add(new ScorecardStepRow { SessionId = id, StepId = "evaluation", Score = 2 });
        db.Add(new CriterionScoreRow { SessionId = id, Source = ScoreSources.Interviewer, StepId = "evaluation", CriterionId = "offline-evaluation", Level = 2 });
        await db.SaveChangesAsync();
        return id;
    }

    private static string Normalized(string stored) => ReportProjectionJson.Serialize(ReportProjectionJson.Deserialize(stored));

    /// <summary>The sessions start-up would back-fill (the same query it runs).</summary>
    private static Task<List<Guid>> ReportBackfillPending(AppDbContext db) =>
        db.Set<ScorecardRow>()
            .Where(c => !db.Set<ReportProjectionRow>().Any(p => p.SessionId == c.SessionId && p.Version >= ReportProjection.CurrentVersion))
            .Select(c => c.SessionId).ToListAsync();
}

/// <summary>A session's stored report, and the one computed again from its tables and log, both as stored JSON.</summary>
internal static class StoredReports
{
    public static async Task<(string Stored, string FromTables)> BothAsync(IServiceProvider services, Guid sessionId)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var catalog = scope.ServiceProvider.GetRequiredService<IRubricCatalog>();
        var stored = await db.Set<ReportProjectionRow>().Where(p => p.SessionId == sessionId).Select(p => p.Projection).SingleAsync();
        var card = await db.Set<ScorecardRow>().AsNoTracking().SingleAsync(c => c.SessionId == sessionId);
        var creator = await db.Sessions.Where(s => s.Id == sessionId).Select(s => s.CreatedById).SingleAsync();
        var rubric = (await catalog.FindAsync(card.RubricId, card.RubricVersion, creator))!;
        var fromTables = await ReportProjections.FromTablesAsync(
            db, card, rubric, card.CaseId is null ? null : catalog.FindCase(card.CaseId), CancellationToken.None);
        // Both through the same serializer: jsonb keeps the values, not the key order or spacing.
        return (ReportProjectionJson.Serialize(ReportProjectionJson.Deserialize(stored)), ReportProjectionJson.Serialize(fromTables));
    }
}
