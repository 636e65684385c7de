using MockLoop.Core.Sessions;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Cases;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Rubrics;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Rubrics;

namespace MockLoop.Web.Scoring;

/// <param name="Marks">The interviewer's marks per criterion id (needed a hint, strong signals), from the session log.</param>
public sealed record ReportStep(
    RubricStep Step, double? Score, StepTimingRow? Timing, DiagramSnapshot? Diagram,
    IReadOnlyList<(Criterion Criterion, CriterionScoreRow? Score, CriterionScoreRow? Self)> Criteria,
    IReadOnlyDictionary<string, CriterionScored> Marks);

public sealed record Report(
    InterviewSession Session, Rubric Rubric, InterviewCase? Case, ScorecardRow Scorecard, string InterviewerName, string CandidateName,
    SeatRole MyRole, IReadOnlyList<ReportStep> Steps, DiagramSnapshot? FinalDiagram,
    IReadOnlyList<Component> ComponentsPresent, IReadOnlyList<Component> ComponentsMissing, ComponentVocabulary Components,
    LevelVerdict Verdict)
{
    /// <summary>Optional components of the case that the final diagram also drew (shown, not counted).</summary>
    public IReadOnlyList<Component> OptionalPresent { get; init; } = [];
}

public enum ReportAccess { Found, NotFound, NotSubmittedYet }

/// <summary>The candidate's report: only for the session's two participants, and only once the scorecard exists.</summary>
public sealed class ReportService(AppDbContext db, IRubricCatalog catalog)
{
    // The options the live session writes its log with.
    private static readonly JsonSerializerOptions JsonOptions = MockLoop.Core.Sessions.TimerJson.Options;

    public async Task<(ReportAccess Access, Report? Report)> ForAsync(Guid sessionId, Guid userId, CancellationToken ct = default)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, ct);
        if (session?.RoleOf(userId) is not { } role)
        {
            return (ReportAccess.NotFound, null);
        }
        var card = await db.Set<ScorecardRow>().AsNoTracking().FirstOrDefaultAsync(c => c.SessionId == sessionId, ct);
        if (card is null)
        {
            return (ReportAccess.NotSubmittedYet, null);
        }
        var rubric = await catalog.FindAsync(card.RubricId, card.RubricVersion, session.CreatedById, ct);
        if (rubric is null)
        {
            return (ReportAccess.NotFound, null);
        }

        var stepScores = await db.Set<ScorecardStepRow>().AsNoTracking().Where(s => s.SessionId == sessionId).ToDictionaryAsync(s => s.StepId, s => s.Score, ct);
        var criteria = await db.Set<CriterionScoreRow>().AsNoTracking().Where(s => s.SessionId == sessionId).ToListAsync(ct);
        var timings = await db.Set<StepTimingRow>().AsNoTracking().Where(s => s.SessionId == sessionId).ToDictionaryAsync(s => s.StepId, ct);
        var diagrams = await db.Set<StepDiagramRow>().AsNoTracking().Where(s => s.SessionId == sessionId).ToListAsync(ct);
        var names = await db.Users.AsNoTracking().Where(u => u.Id == card.InterviewerId || u.Id == card.CandidateId)
            .ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);

        // Hint marks, strong signals and red flags live in the session log (the log is the truth; the scorecard
        // tables hold levels only). The last entry per criterion or flag wins, as in the live session.
        var marks = new Dictionary<CriterionRef, CriterionScored>();
        var flags = new HashSet<RedFlagRef>();
        var logged = await db.Set<SessionEventRow>().AsNoTracking()
            .Where(e => e.SessionId == sessionId && (e.Kind == SessionLogKinds.Score || e.Kind == SessionLogKinds.RedFlag))
            .OrderBy(e => e.Seq).Select(e => new { e.Kind, e.Payload }).ToListAsync(ct);
        foreach (var entry in logged)
        {
            if (entry.Kind == SessionLogKinds.Score)
            {
                var scored = JsonSerializer.Deserialize<CriterionScored>(entry.Payload, JsonOptions)!;
                marks[new CriterionRef(scored.StepId, scored.CriterionId)] = scored;
            }
            else if (JsonSerializer.Deserialize<RedFlagRecorded>(entry.Payload, JsonOptions) is { } flag && rubric.FindRedFlag(flag.StepId, flag.FlagId) is not null)
            {
                if (flag.Raised) { flags.Add(new RedFlagRef(flag.StepId, flag.FlagId)); } else { flags.Remove(new RedFlagRef(flag.StepId, flag.FlagId)); }
            }
        }

        var snapshots = diagrams.ToDictionary(d => d.StepId, d => DiagramJson.DeserializeSnapshot(d.Snapshot));
        var final = diagrams.OrderByDescending(d => d.Seq).Select(d => snapshots[d.StepId]).FirstOrDefault();

        var steps = rubric.Steps.Select(step => new ReportStep(
            step,
            stepScores.GetValueOrDefault(step.Id),
            timings.GetValueOrDefault(step.Id),
            snapshots.GetValueOrDefault(step.Id),
            step.Criteria.Select(c => (c,
                criteria.FirstOrDefault(s => s.Source == ScoreSources.Interviewer && s.StepId == step.Id && s.CriterionId == c.Id),
                criteria.FirstOrDefault(s => s.Source == ScoreSources.Self && s.StepId == step.Id && s.CriterionId == c.Id))).ToList(),
            marks.Where(m => m.Key.StepId == step.Id).ToDictionary(m => m.Key.CriterionId, m => m.Value)))
            .ToList();

        var interviewCase = card.CaseId is null ? null : catalog.FindCase(card.CaseId);
        var drawn = (final?.Nodes ?? []).Select(n => n.ComponentType).ToHashSet(StringComparer.Ordinal);
        // Coverage counts the case's core components only: drawing a client or a gateway shows nothing about the ML design.
        var expected = (interviewCase?.CoreComponents ?? []).Select(id => catalog.Components.Find(id)).OfType<Component>().ToList();
        var optional = (interviewCase?.OptionalComponents ?? []).Select(id => catalog.Components.Find(id)).OfType<Component>().ToList();

        var scorecard = new Scorecard(criteria.Where(s => s.Source == ScoreSources.Interviewer).ToDictionary(
            s => new CriterionRef(s.StepId, s.CriterionId),
            s => s.Level is { } l ? CriterionScore.Of(l, marks.GetValueOrDefault(new CriterionRef(s.StepId, s.CriterionId))?.NeededHint ?? false) : CriterionScore.NotAssessed));
        var started = timings.Values.Where(t => t.StartedAt is not null).Select(t => t.StepId).ToHashSet();
        var verdict = RubricScoring.Verdict(rubric, RubricScoring.Score(rubric, scorecard), Enum.Parse<TargetLevel>(card.TargetLevel),
            new VerdictInputs(flags.ToList(), RubricScoring.RanOutOfTime(rubric, started)) { SystemKind = interviewCase?.SystemKind });

        return (ReportAccess.Found, new Report(
            session, rubric, interviewCase, card,
            names.GetValueOrDefault(card.InterviewerId, "Interviewer"), names.GetValueOrDefault(card.CandidateId, "Candidate"),
            role, steps, final,
            expected.Where(c => drawn.Contains(c.Id)).ToList(), expected.Where(c => !drawn.Contains(c.Id)).ToList(),
            catalog.Components, verdict)
        {
            OptionalPresent = optional.Where(c => drawn.Contains(c.Id)).ToList(),
        });
    }
}
