using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Cases;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Rubrics;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Rubrics;

namespace MockLoop.Web.Scoring;

public sealed record ReportStep(
    RubricStep Step, double? Score, StepTimingRow? Timing, DiagramSnapshot? Diagram,
    IReadOnlyList<(Criterion Criterion, CriterionScoreRow? Score, CriterionScoreRow? Self)> Criteria);

public sealed record Report(
    InterviewSession Session, Rubric Rubric, InterviewCase? Case, ScorecardRow Scorecard, string InterviewerName, string CandidateName,
    SeatRole MyRole, IReadOnlyList<ReportStep> Steps, DiagramSnapshot? FinalDiagram,
    IReadOnlyList<Component> ComponentsPresent, IReadOnlyList<Component> ComponentsMissing, ComponentVocabulary Components,
    LevelVerdict Verdict);

public enum ReportAccess { Found, NotFound, NotSubmittedYet }

/// <summary>The candidate's report: only for the session's two participants, and only once the scorecard exists.</summary>
public sealed class ReportService(AppDbContext db, IRubricCatalog catalog)
{
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

        var snapshots = diagrams.ToDictionary(d => d.StepId, d => DiagramJson.DeserializeSnapshot(d.Snapshot));
        var final = diagrams.OrderByDescending(d => d.Seq).Select(d => snapshots[d.StepId]).FirstOrDefault();

        var steps = rubric.Steps.Select(step => new ReportStep(
            step,
            stepScores.GetValueOrDefault(step.Id),
            timings.GetValueOrDefault(step.Id),
            snapshots.GetValueOrDefault(step.Id),
            step.Criteria.Select(c => (c,
                criteria.FirstOrDefault(s => s.Source == ScoreSources.Interviewer && s.StepId == step.Id && s.CriterionId == c.Id),
                criteria.FirstOrDefault(s => s.Source == ScoreSources.Self && s.StepId == step.Id && s.CriterionId == c.Id))).ToList()))
            .ToList();

        var interviewCase = card.CaseId is null ? null : catalog.FindCase(card.CaseId);
        var drawn = (final?.Nodes ?? []).Select(n => n.ComponentType).ToHashSet(StringComparer.Ordinal);
        var expected = (interviewCase?.ExpectedComponents ?? []).Select(id => catalog.Components.Find(id)).OfType<Component>().ToList();

        var scorecard = new Scorecard(criteria.Where(s => s.Source == ScoreSources.Interviewer).ToDictionary(
            s => new CriterionRef(s.StepId, s.CriterionId), s => s.Level is { } l ? CriterionScore.Of(l) : CriterionScore.NotAssessed));
        var verdict = RubricScoring.Verdict(rubric, RubricScoring.Score(rubric, scorecard), Enum.Parse<TargetLevel>(card.TargetLevel));

        return (ReportAccess.Found, new Report(
            session, rubric, interviewCase, card,
            names.GetValueOrDefault(card.InterviewerId, "Interviewer"), names.GetValueOrDefault(card.CandidateId, "Candidate"),
            role, steps, final,
            expected.Where(c => drawn.Contains(c.Id)).ToList(), expected.Where(c => !drawn.Contains(c.Id)).ToList(),
            catalog.Components, verdict));
    }
}
