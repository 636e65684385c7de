using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Cases;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Reports;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms.Live;
using MockLoop.Web.Rubrics;

namespace MockLoop.Web.Scoring;

/// <summary>One step of the report: the rubric's words, the stored results, and the diagram as the step ended.</summary>
public sealed record ReportStep(RubricStep Step, ReportStepResult Result, DiagramSnapshot? Diagram)
{
    /// <summary>Each criterion of the step with its stored result, in rubric order.</summary>
    public IEnumerable<(Criterion Criterion, ReportCriterionResult Result)> Criteria =>
        Step.Criteria.Zip(Result.Criteria, (criterion, result) => (criterion, result));
}

public sealed record Report(
    ReportProjection Projection, Rubric Rubric, InterviewCase? Case, string InterviewerName, string CandidateName,
    SeatRole MyRole, IReadOnlyList<ReportStep> Steps, DiagramSnapshot? FinalDiagram, ComponentVocabulary Components)
{
    public LevelVerdict Verdict => Projection.Verdict;

    public IReadOnlyList<Component> ComponentsPresent => Resolve(Projection.Coverage?.Present);

    public IReadOnlyList<Component> ComponentsMissing => Resolve(Projection.Coverage?.Missing);

    /// <summary>Optional components of the case that the final diagram also drew (shown, not counted).</summary>
    public IReadOnlyList<Component> OptionalPresent => Resolve(Projection.Coverage?.OptionalPresent);

    // A component id the vocabulary no longer knows is left out, as it always was.
    private IReadOnlyList<Component> Resolve(IReadOnlyList<string>? ids) =>
        (ids ?? []).Select(Components.Find).OfType<Component>().ToList();
}

public enum ReportAccess { Found, NotFound, NotSubmittedYet }

/// <summary>
/// The candidate's report: only for the session's two participants, and only once the scorecard exists. Everything
/// it shows was computed at submission (<see cref="ReportProjections"/>) and is read here with one query; the
/// rubric's words come from memory (docs/decisions/165).
/// </summary>
public sealed class ReportService(AppDbContext db, DbRubricCatalog catalog, IServiceScopeFactory scopes)
{
    public async Task<(ReportAccess Access, Report? Report)> ForAsync(Guid sessionId, Guid userId, CancellationToken ct = default)
    {
        var found = await ReadAsync(sessionId, ct);
        if (found is not null && found.Projection is null && found.Submitted)
        {
            // Submitted by a node older than stored reports, after this one's start-up back-fill: fill it now.
            await ReportBackfill.ProjectAsync(scopes, sessionId, ct);
            found = await ReadAsync(sessionId, ct);
        }
        var role = found is null ? null
            : userId == found.InterviewerId ? SeatRole.Interviewer
            : userId == found.CandidateId ? SeatRole.Candidate
            : (SeatRole?)null;
        if (found is null || role is null)
        {
            return (ReportAccess.NotFound, null);
        }
        if (!found.Submitted)
        {
            return (ReportAccess.NotSubmittedYet, null);
        }
        if (found.Projection is null
            || await catalog.ForSessionAsync(db, found.RubricId, found.RubricVersion, found.Rubric, ct) is not { } rubric)
        {
            return (ReportAccess.NotFound, null);
        }

        var projection = ReportProjectionJson.Deserialize(found.Projection);
        var diagrams = found.Diagrams.ToDictionary(d => d.StepId, d => (d.Seq, Snapshot: DiagramJson.DeserializeSnapshot(d.Snapshot)));
        var steps = rubric.Steps
            .Select(step => projection.Step(step.Id) is { } result
                ? new ReportStep(step, result, diagrams.TryGetValue(step.Id, out var d) ? d.Snapshot : null)
                : throw new InvalidOperationException($"The stored report of session {sessionId} has no step '{step.Id}'."))
            .ToList();
        var final = diagrams.Values.OrderByDescending(d => d.Seq).Select(d => d.Snapshot).FirstOrDefault();

        return (ReportAccess.Found, new Report(
            projection, rubric, projection.CaseId is null ? null : catalog.FindCase(projection.CaseId),
            found.InterviewerName ?? "Interviewer", found.CandidateName ?? "Candidate", role.Value,
            steps, final, catalog.Components));
    }

    private sealed record StoredDiagram(string StepId, long Seq, string Snapshot);

    private sealed record Found(
        Guid? InterviewerId, Guid? CandidateId, string RubricId, int RubricVersion, bool Submitted, string? Projection, StoredRubricKey? Rubric,
        string? InterviewerName, string? CandidateName, List<StoredDiagram> Diagrams);

    /// <summary>
    /// The seats, the stored report, the rubric row it was scored against (the session creator's own upload first,
    /// as when the session was set up; a shipped version needs none), the names and the step diagrams: one SQL command.
    /// </summary>
    private Task<Found?> ReadAsync(Guid sessionId, CancellationToken ct) =>
        db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => new Found(
                s.InterviewerId, s.CandidateId, s.RubricId, s.RubricVersion,
                db.Set<ScorecardRow>().Any(c => c.SessionId == s.Id),
                db.Set<ReportProjectionRow>().Where(p => p.SessionId == s.Id).Select(p => p.Projection).FirstOrDefault(),
                db.Set<StoredRubric>()
                    .Where(r => r.RubricId == s.RubricId && r.Version == s.RubricVersion && (r.OwnerId == null || r.OwnerId == s.CreatedById))
                    .OrderBy(r => r.OwnerId == null)
                    .Select(r => new StoredRubricKey(r.Id, r.RubricId, r.Version, r.OwnerId, r.ContentHash))
                    .FirstOrDefault(),
                db.Users.Where(u => u.Id == s.InterviewerId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Users.Where(u => u.Id == s.CandidateId).Select(u => u.DisplayName).FirstOrDefault(),
                db.Set<StepDiagramRow>().Where(d => d.SessionId == s.Id).Select(d => new StoredDiagram(d.StepId, d.Seq, d.Snapshot)).ToList()))
            .FirstOrDefaultAsync(ct);
}
