using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Sessions;
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
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<DemoSeeder> logger) : IHostedService
{
    public const string CandidateEmail = "demo.candidate@mockloop.local";
    public const string InterviewerEmail = "demo.interviewer@mockloop.local";

    public async Task StartAsync(CancellationToken ct)
    {
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
            await SeedSessionsAsync(scope.ServiceProvider, db, catalog, interviewer, candidate, ct);
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
            // Demo accounts are ready to sign in: nobody reads a demo mailbox.
            user = new AppUser { Id = Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = name, CreatedAt = clock.GetUtcNow(), EmailConfirmed = true };
            Check(await users.CreateAsync(user, password));
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Check(await users.ResetPasswordAsync(user, token, password));
            if (!user.EmailConfirmed)
            {
                user.EmailConfirmed = true;
                Check(await users.UpdateAsync(user));
            }
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

    /// <summary>
    /// Twelve sessions over twelve weeks: scores that start weak and grow, evaluation lagging, time running over early
    /// on. Each is played through a <see cref="SessionWriter"/> (what a session grain hosts) exactly as two people would (timer, diagram edits,
    /// scores, scorecard, self-assessment), on a clock set in the past: the log gets its entries and the projections
    /// (step timings, step diagrams, scorecard) are written by the same code as for a live interview.
    /// </summary>
    private async Task SeedSessionsAsync(
        IServiceProvider services, AppDbContext db, IRubricCatalog catalog, AppUser interviewer, AppUser candidate, CancellationToken ct)
    {
        var choice = (await catalog.ChoicesForAsync(interviewer.Id, ct)).First(c => !c.IsCustom);
        var rubric = (await catalog.FindAsync(choice.Id, choice.Version, interviewer.Id, ct))!;
        var cases = catalog.CasesFor(rubric.Id);
        var random = new Random(42);
        var now = clock.GetUtcNow();
        var log = services.GetRequiredService<SessionLogWriter>();
        var snapshots = services.GetRequiredService<SessionSnapshotWriter>();

        for (var i = 0; i < 12; i++)
        {
            var progress = i / 11.0;
            var started = now.AddDays(-7 * (12 - i)).AddHours(18);
            var sessionClock = new DemoClock(started.AddMinutes(-3));
            var session = new InterviewSession
            {
                Id = Guid.CreateVersion7(sessionClock.GetUtcNow()), CreatedAt = sessionClock.GetUtcNow(), CreatedById = interviewer.Id,
                InterviewerId = interviewer.Id, CandidateId = candidate.Id, Status = SessionStatus.Ready,
                RubricId = rubric.Id, RubricVersion = rubric.Version, CaseId = cases.Count > 0 ? cases[i % cases.Count].Id : null,
            };
            db.Add(session);
            await db.SaveChangesAsync(ct);

            // Its own writer on its own clock in the past, not the session's grain (which keeps the app's clock).
            // Nobody is connected to a session being seeded, so the writer publishes to no one.
            var loaded = await SessionLoader.LoadForWritingAsync(session.Id, scopes, ct)
                ?? throw new InvalidOperationException($"Demo session {session.Id} vanished.");
            var live = new SessionWriter(loaded, scopes, log, snapshots, sessionClock, _ => { });
            async Task Play(AppUser who, LiveCommand command, string? clientId = null)
            {
                var result = await live.SubmitAsync(who.Id, command, clientId);
                if (!result.Ok)
                {
                    throw new InvalidOperationException($"Demo session refused {command}: {result.Code} {result.Error}");
                }
            }

            sessionClock.Set(started);
            await Play(interviewer, new DriveTimer(new StartTimer()));
            var levels = new List<(string StepId, string CriterionId, int Level)>();
            var timedSteps = rubric.TimedSteps.Count;
            for (var s = 0; s < rubric.Steps.Count; s++)
            {
                var step = rubric.Steps[s];
                var used = step.BudgetMinutes * 60.0 * (1.25 - 0.3 * progress + (random.NextDouble() - 0.5) * 0.3);
                var component = DemoComponents[s % DemoComponents.Length];
                sessionClock.Advance(TimeSpan.FromSeconds(used / 2));
                // The candidate draws during timed steps only; a whole-interview dimension is scored once the timer ended.
                if (!step.IsWholeInterview)
                {
                    var addNode = new AddNodeOp($"demo-{i}-{s}", new DiagramNode(
                        $"n{s}", component.Type, component.Label, 60 + (s % 4) * 230, 60 + (s / 4) * 140, 180, 64));
                    await Play(candidate, new EditDiagram(addNode), addNode.OpId);
                    if (s > 0)
                    {
                        var addLink = new AddLinkOp($"demo-{i}-l{s}", new DiagramLink($"l{s}", $"n{s - 1}", $"n{s}"));
                        await Play(candidate, new EditDiagram(addLink), addLink.OpId);
                    }
                }

                // Evaluation lags behind the rest: the dashboard's advice has something to say.
                var skill = 1.4 + 2.3 * progress - (step.Id == "evaluation" ? 0.8 : 0) + (random.NextDouble() - 0.5) * 0.6;
                foreach (var criterion in step.Criteria)
                {
                    var level = Math.Clamp((int)Math.Round(skill + (random.NextDouble() - 0.5)), 1, 4);
                    // A 4 is a 3 plus strong signals the candidate showed: tick as many as it takes, if there are enough.
                    var signalCount = criterion.StrongSignals.Count;
                    if (level == 4 && signalCount is > 0 and < Criterion.StrongSignalsNeeded)
                    {
                        level = 3;
                    }
                    IReadOnlyList<int>? signals = level == 4 && signalCount > 0 ? [.. Enumerable.Range(0, Criterion.StrongSignalsNeeded)] : null;
                    levels.Add((step.Id, criterion.Id, level));
                    await Play(interviewer, new ScoreCriterion(step.Id, criterion.Id, level, null, Signals: signals));
                }
                sessionClock.Advance(TimeSpan.FromSeconds(used / 2));
                // Whole-interview dimensions come last and are never on the timer: they are scored after it ends.
                if (!step.IsWholeInterview)
                {
                    await Play(interviewer, new DriveTimer(s < timedSteps - 1 ? new NextStep() : new EndTimer()));
                }
            }

            sessionClock.Advance(TimeSpan.FromMinutes(4));
            await Play(interviewer, new SubmitScorecard(
                nameof(TargetLevel.Senior),
                "Clear requirements and a sensible two-stage architecture.",
                "Evaluation stays shallow: name the offline metric and tie it to the online KPI.",
                progress < 0.5 ? "Drive the first five minutes: scale, latency and the business goal." : "For every model, say how you would evaluate it offline and online."));
            foreach (var (stepId, criterionId, level) in levels)
            {
                await Play(candidate, new SelfAssess(stepId, criterionId, Math.Clamp(level + random.Next(0, 2), 1, 4)));
            }
        }
    }

    /// <summary>The demo's sessions happen in the past, on this clock, moved forward as each one is played.</summary>
    private sealed class DemoClock(DateTimeOffset start) : TimeProvider
    {
        private DateTimeOffset _now = start;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Set(DateTimeOffset at) => _now = at;

        public void Advance(TimeSpan by) => _now += by;
    }

    private static readonly (string Type, string Label)[] DemoComponents =
    [
        ("client", "Mobile app"), ("api-gateway", "API gateway"), ("candidate-generation", "Candidate generation"),
        ("ranking-model", "Ranking model"), ("feature-store", "Feature store"), ("model-server", "Model server"), ("monitoring", "Monitoring"),
    ];
}
