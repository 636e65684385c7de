using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Progress;
using MockLoop.Core.Rubrics;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Rubrics;
using MockLoop.Web.Scoring;

namespace MockLoop.Web.Progress;

/// <param name="RubricIds">The rubric versions the user was scored with, as <c>id@version</c> keys, oldest first.</param>
/// <param name="RubricId">The chosen key; progress compares sessions of one rubric version only.</param>
public sealed record ProgressData(
    IReadOnlyList<string> RubricIds, string? RubricId, Rubric? Rubric, IReadOnlyList<ScoredSession> Sessions, TargetLevel Level)
{
    /// <summary>How a key reads in the picker: "ml-system-design v2".</summary>
    public static string Describe(string key) => key.Replace("@", " v", StringComparison.Ordinal);
}

public sealed record GivenScorecard(Guid SessionId, DateTimeOffset At, string CandidateName, string? CaseTitle, double? Overall, string Verdict, string TargetLevel);

/// <summary>What the signed-in home leads with: the latest scorecard as a candidate, and how many so far.</summary>
public sealed record HomeProgress(int ScoredAsCandidate, int GivenAsInterviewer, GivenScorecard? Latest, string? LatestNextStep);

public sealed record StepCalibration(string StepId, string Title, double? Mine, double? Others, int MineCount, int OthersCount);

/// <summary>Reads a user's own scorecards, and nobody else's, for the progress views and the CSV export.</summary>
public sealed class ProgressService(AppDbContext db, IRubricCatalog catalog)
{
    public async Task<ProgressData> ForCandidateAsync(Guid userId, string? rubricId, string? level, CancellationToken ct = default)
    {
        var cards = await db.Set<ScorecardRow>().AsNoTracking().Where(c => c.CandidateId == userId).OrderBy(c => c.SubmittedAt).ToListAsync(ct);
        // Like with like: a rubric version is its own series (v1 and v2 differ in criteria and bars; docs/decisions/061).
        static string Key(ScorecardRow c) => $"{c.RubricId}@{c.RubricVersion}";
        var rubricIds = cards.Select(Key).Distinct().ToList();
        var chosen = rubricId is not null && rubricIds.Contains(rubricId) ? rubricId
            // A bare id (older links) picks that rubric's newest version the user has.
            : cards.Where(c => c.RubricId == rubricId).MaxBy(c => c.RubricVersion) is { } byId ? Key(byId)
            : cards.LastOrDefault() is { } latest ? Key(latest) : null;
        var target = Enum.TryParse<TargetLevel>(level, true, out var parsed) && Enum.IsDefined(parsed)
            ? parsed
            : cards.LastOrDefault(c => Key(c) == chosen) is { } last ? Enum.Parse<TargetLevel>(last.TargetLevel) : TargetLevel.Senior;
        if (chosen is null)
        {
            return new ProgressData(rubricIds, null, null, [], target);
        }

        var mine = cards.Where(c => Key(c) == chosen).ToList();
        var ids = mine.Select(c => c.SessionId).ToList();
        var steps = await db.Set<ScorecardStepRow>().AsNoTracking().Where(s => ids.Contains(s.SessionId)).ToListAsync(ct);
        var criteria = await db.Set<CriterionScoreRow>().AsNoTracking()
            .Where(s => ids.Contains(s.SessionId) && s.Source == ScoreSources.Interviewer && s.Level != null).ToListAsync(ct);
        var timings = await db.Set<StepTimingRow>().AsNoTracking().Where(t => ids.Contains(t.SessionId)).ToListAsync(ct);
        var newest = mine.MaxBy(c => c.RubricVersion)!;
        var sessionOwner = await db.Sessions.AsNoTracking().Where(s => s.Id == newest.SessionId).Select(s => s.CreatedById).SingleAsync(ct);
        var rubric = await catalog.FindAsync(newest.RubricId, newest.RubricVersion, sessionOwner, ct);

        var sessions = mine.Select(c => new ScoredSession(
            c.SessionId, c.SubmittedAt, c.RubricId, c.RubricVersion, c.CaseId is null ? null : catalog.FindCase(c.CaseId)?.Title,
            Enum.Parse<TargetLevel>(c.TargetLevel), c.Overall,
            steps.Where(s => s.SessionId == c.SessionId).ToDictionary(s => s.StepId, s => s.Score),
            criteria.Where(s => s.SessionId == c.SessionId).ToDictionary(s => new CriterionRef(s.StepId, s.CriterionId), s => s.Level!.Value),
            timings.Where(t => t.SessionId == c.SessionId).ToDictionary(t => t.StepId, t => new StepTime(t.UsedSeconds, t.BudgetSeconds))))
            .ToList();
        return new ProgressData(rubricIds, chosen, rubric, sessions, target);
    }

    /// <summary>Every score of the user's as a candidate: one row per criterion, oldest first.</summary>
    public async Task<IReadOnlyList<string[]>> CsvRowsAsync(Guid userId, CancellationToken ct = default)
    {
        var rows = await (
            from c in db.Set<ScorecardRow>().AsNoTracking()
            where c.CandidateId == userId
            join s in db.Set<CriterionScoreRow>().AsNoTracking() on c.SessionId equals s.SessionId
            where s.Source == ScoreSources.Interviewer
            join st in db.Set<ScorecardStepRow>().AsNoTracking() on new { s.SessionId, s.StepId } equals new { st.SessionId, st.StepId } into stepScores
            from st in stepScores.DefaultIfEmpty()
            orderby c.SubmittedAt, s.StepId, s.CriterionId
            select new { c.SubmittedAt, c.SessionId, c.RubricId, c.RubricVersion, c.CaseId, c.TargetLevel, c.Overall, c.Verdict, s.StepId, StepScore = (double?)st.Score, s.CriterionId, s.Level, s.Note })
            .ToListAsync(ct);
        return rows.Select(r => new[]
        {
            r.SubmittedAt.ToString("O"), r.SessionId.ToString(), r.RubricId, r.RubricVersion.ToString(), r.CaseId ?? "", r.TargetLevel,
            r.Overall?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) ?? "", r.Verdict, r.StepId,
            r.StepScore?.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture) ?? "", r.CriterionId,
            r.Level?.ToString() ?? "not assessed", r.Note ?? "",
        }).ToList();
    }

    /// <summary>Two counts and one row: cheap enough for every visit to the home page.</summary>
    public async Task<HomeProgress> HomeAsync(Guid userId, CancellationToken ct = default)
    {
        var scored = await db.Set<ScorecardRow>().AsNoTracking().CountAsync(c => c.CandidateId == userId, ct);
        var given = await db.Set<ScorecardRow>().AsNoTracking().CountAsync(c => c.InterviewerId == userId, ct);
        var latest = await db.Set<ScorecardRow>().AsNoTracking().Where(c => c.CandidateId == userId)
            .OrderByDescending(c => c.SubmittedAt).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return new HomeProgress(scored, given, null, null);
        }
        var interviewer = await db.Users.AsNoTracking().Where(u => u.Id == latest.InterviewerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        return new HomeProgress(scored, given,
            new GivenScorecard(latest.SessionId, latest.SubmittedAt, interviewer ?? "?",
                latest.CaseId is null ? null : catalog.FindCase(latest.CaseId)?.Title, latest.Overall, latest.Verdict, latest.TargetLevel),
            latest.NextStep);
    }

    public async Task<IReadOnlyList<GivenScorecard>> GivenByAsync(Guid interviewerId, CancellationToken ct = default)
    {
        var cards = await db.Set<ScorecardRow>().AsNoTracking().Where(c => c.InterviewerId == interviewerId)
            .OrderByDescending(c => c.SubmittedAt).Take(200).ToListAsync(ct);
        var ids = cards.Select(c => c.CandidateId).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        return cards.Select(c => new GivenScorecard(c.SessionId, c.SubmittedAt, names.GetValueOrDefault(c.CandidateId, "?"),
            c.CaseId is null ? null : catalog.FindCase(c.CaseId)?.Title, c.Overall, c.Verdict, c.TargetLevel)).ToList();
    }

    /// <summary>
    /// A calibration hint: my average step scores against other interviewers' on the same rubric. Only averages of
    /// others leave the database, never their scorecards, and only over at least three other interviewers
    /// (<see cref="CalibrationRules"/>). "The same rubric" is the same id from the same source: a custom rubric's id
    /// is only unique within its owner, so another owner's rubric with that id never counts.
    /// </summary>
    public async Task<Calibration> CalibrationAsync(Guid interviewerId, CancellationToken ct = default)
    {
        var latest = await db.Set<ScorecardRow>().AsNoTracking().Where(c => c.InterviewerId == interviewerId)
            .OrderByDescending(c => c.SubmittedAt).FirstOrDefaultAsync(ct);
        if (latest is null)
        {
            return new Calibration(null, [], 0);
        }
        var owner = await db.Sessions.AsNoTracking().Where(s => s.Id == latest.SessionId).Select(s => s.CreatedById).SingleAsync(ct);
        var rubric = await catalog.FindAsync(latest.RubricId, latest.RubricVersion, owner, ct);
        var isCustom = await db.Set<StoredRubric>().AnyAsync(r => r.RubricId == latest.RubricId && r.OwnerId == owner, ct);

        var sameRubric =
            from c in db.Set<ScorecardRow>().AsNoTracking()
            join s in db.Sessions.AsNoTracking() on c.SessionId equals s.Id
            where c.RubricId == latest.RubricId && (!isCustom || s.CreatedById == owner)
            select c;
        var otherInterviewers = await sameRubric.Where(c => c.InterviewerId != interviewerId).Select(c => c.InterviewerId).Distinct().CountAsync(ct);
        var averages = await (
            from st in db.Set<ScorecardStepRow>().AsNoTracking()
            join c in sameRubric on st.SessionId equals c.SessionId
            where c.RubricVersion == latest.RubricVersion && st.Score != null
            group st by new { st.StepId, Mine = c.InterviewerId == interviewerId } into g
            select new { g.Key.StepId, g.Key.Mine, Average = g.Average(x => x.Score!.Value), Count = g.Count() })
            .ToListAsync(ct);
        var steps = (rubric?.Steps ?? []).Select(step =>
        {
            var mine = averages.FirstOrDefault(a => a.StepId == step.Id && a.Mine);
            var others = averages.FirstOrDefault(a => a.StepId == step.Id && !a.Mine);
            var shown = CalibrationRules.OthersAverage(others?.Average, otherInterviewers);
            return new StepCalibration(step.Id, step.Title, mine?.Average, shown, mine?.Count ?? 0, shown is null ? 0 : others?.Count ?? 0);
        }).ToList();
        return new Calibration(rubric, steps, otherInterviewers);
    }
}

/// <summary>My step averages beside other interviewers' (null until at least three others have scored this rubric).</summary>
public sealed record Calibration(Rubric? Rubric, IReadOnlyList<StepCalibration> Steps, int OtherInterviewers);
