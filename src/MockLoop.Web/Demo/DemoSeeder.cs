using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Rubrics;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Rubrics;
using MockLoop.Web.Scoring;

namespace MockLoop.Web.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    /// <summary>Seed two demo accounts and a dozen past sessions (./mockloop run --demo). Refused in Production.</summary>
    public bool Seed { get; set; }
}

/// <summary>
/// Gives a newcomer a living dashboard on the first run: a candidate who improved over twelve interviews, and the
/// interviewer who scored them. Runs after the migrations and the rubric sync; re-running resets the demo
/// passwords (printed) and adds nothing twice.
/// </summary>
internal sealed class DemoSeeder(
    IServiceScopeFactory scopes, IHostEnvironment env, TimeProvider clock, ILogger<DemoSeeder> logger) : IHostedService
{
    public const string CandidateEmail = "demo.candidate@mockloop.local";
    public const string InterviewerEmail = "demo.interviewer@mockloop.local";

    public async Task StartAsync(CancellationToken ct)
    {
        if (env.IsProduction())
        {
            throw new InvalidOperationException("Demo data is never seeded in Production. Use ./mockloop run --demo on a development machine.");
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var catalog = scope.ServiceProvider.GetRequiredService<IRubricCatalog>();

        var candidatePassword = NewPassword();
        var interviewerPassword = NewPassword();
        var candidate = await EnsureUserAsync(users, CandidateEmail, "Dana Demo (candidate)", candidatePassword);
        var interviewer = await EnsureUserAsync(users, InterviewerEmail, "Ira Demo (interviewer)", interviewerPassword);

        if (!await db.Set<ScorecardRow>().AnyAsync(c => c.CandidateId == candidate.Id, ct))
        {
            await SeedSessionsAsync(db, catalog, interviewer, candidate, ct);
        }

        var banner = $"""

            ── MockLoop demo accounts ──────────────────────────────
              candidate:   {CandidateEmail}   password: {candidatePassword}
              interviewer: {InterviewerEmail}   password: {interviewerPassword}
            ────────────────────────────────────────────────────────
            """;
        Console.WriteLine(banner);
        logger.LogInformation("Demo data ready");
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;

    private static string NewPassword() => "demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant() + "7";

    private async Task<AppUser> EnsureUserAsync(UserManager<AppUser> users, string email, string name, string password)
    {
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new AppUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = name, CreatedAt = clock.GetUtcNow() };
            Check(await users.CreateAsync(user, password));
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Check(await users.ResetPasswordAsync(user, token, password));
        }
        return user;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    /// <summary>Twelve sessions over twelve weeks: scores that start weak and grow, evaluation lagging, time running over early on.</summary>
    private async Task SeedSessionsAsync(AppDbContext db, IRubricCatalog catalog, AppUser interviewer, AppUser candidate, CancellationToken ct)
    {
        var choice = (await catalog.ChoicesForAsync(interviewer.Id, ct)).First(c => !c.IsCustom);
        var rubric = (await catalog.FindAsync(choice.Id, choice.Version, interviewer.Id, ct))!;
        var cases = catalog.CasesFor(rubric.Id);
        var random = new Random(42);
        var now = clock.GetUtcNow();

        for (var i = 0; i < 12; i++)
        {
            var progress = i / 11.0;
            var started = now.AddDays(-7 * (12 - i)).AddHours(18);
            var session = new InterviewSession
            {
                Id = Guid.CreateVersion7(started), CreatedAt = started.AddMinutes(-3), CreatedById = interviewer.Id,
                InterviewerId = interviewer.Id, CandidateId = candidate.Id, Status = SessionStatus.Ended,
                RubricId = rubric.Id, RubricVersion = rubric.Version, CaseId = cases.Count > 0 ? cases[i % cases.Count].Id : null,
                StartedAt = started,
            };
            db.Add(session);

            var scorecard = Scorecard.Empty;
            var at = started;
            var diagram = DiagramDocument.Empty;
            for (var s = 0; s < rubric.Steps.Count; s++)
            {
                var step = rubric.Steps[s];
                var budget = step.BudgetMinutes * 60.0;
                var used = budget * (1.25 - 0.3 * progress + (random.NextDouble() - 0.5) * 0.3);
                db.Add(new StepTimingRow
                {
                    SessionId = session.Id, StepId = step.Id, StepIndex = s, StartedAt = at, EndedAt = at.AddSeconds(used),
                    UsedSeconds = used, BudgetSeconds = budget,
                });
                diagram = diagram.Apply(new AddNodeOp($"demo-{i}-{s}", new DiagramNode(
                    $"n{s}", DemoComponents[s % DemoComponents.Length].Type, DemoComponents[s % DemoComponents.Length].Label,
                    60 + (s % 4) * 230, 60 + (s / 4) * 140, 180, 64)));
                if (s > 0)
                {
                    diagram = diagram.Apply(new AddLinkOp($"demo-{i}-l{s}", new DiagramLink($"l{s}", $"n{s - 1}", $"n{s}")));
                }
                db.Add(new StepDiagramRow
                {
                    SessionId = session.Id, StepId = step.Id, Seq = s + 1, At = at.AddSeconds(used),
                    Snapshot = DiagramJson.Serialize(diagram.ToSnapshot()),
                });
                at = at.AddSeconds(used);

                // Evaluation lags behind the rest: the dashboard's advice has something to say.
                var skill = 1.4 + 2.3 * progress - (step.Id == "evaluation" ? 0.8 : 0) + (random.NextDouble() - 0.5) * 0.6;
                foreach (var criterion in step.Criteria)
                {
                    var level = Math.Clamp((int)Math.Round(skill + (random.NextDouble() - 0.5)), 1, 4);
                    scorecard = scorecard.With(step.Id, criterion.Id, level);
                    db.Add(new CriterionScoreRow { SessionId = session.Id, Source = ScoreSources.Interviewer, StepId = step.Id, CriterionId = criterion.Id, Level = level });
                    db.Add(new CriterionScoreRow { SessionId = session.Id, Source = ScoreSources.Self, StepId = step.Id, CriterionId = criterion.Id, Level = Math.Clamp(level + random.Next(0, 2), 1, 4) });
                }
            }
            session.EndedAt = at;

            var result = RubricScoring.Score(rubric, scorecard);
            var verdict = RubricScoring.Verdict(rubric, result, TargetLevel.Senior);
            db.Add(new ScorecardRow
            {
                SessionId = session.Id, RubricId = rubric.Id, RubricVersion = rubric.Version, InterviewerId = interviewer.Id,
                CandidateId = candidate.Id, CaseId = session.CaseId, TargetLevel = nameof(TargetLevel.Senior), Overall = result.Overall,
                Verdict = verdict.Outcome.ToString(), SubmittedAt = at.AddMinutes(4),
                Strengths = "Clear requirements and a sensible two-stage architecture.",
                Improvements = "Evaluation stays shallow: name the offline metric and tie it to the online KPI.",
                NextStep = progress < 0.5 ? "Drive the first five minutes: scale, latency and the business goal." : "For every model, say how you would evaluate it offline and online.",
            });
            foreach (var step in result.Steps)
            {
                db.Add(new ScorecardStepRow { SessionId = session.Id, StepId = step.StepId, Score = step.Score });
            }
        }
        await db.SaveChangesAsync(ct);
    }

    private static readonly (string Type, string Label)[] DemoComponents =
    [
        ("client", "Mobile app"), ("api-gateway", "API gateway"), ("candidate-generation", "Candidate generation"),
        ("ranking-model", "Ranking model"), ("feature-store", "Feature store"), ("model-server", "Model server"), ("monitoring", "Monitoring"),
    ];
}
