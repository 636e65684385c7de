using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Cases;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Reports;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms.Live;

namespace MockLoop.Web.Scoring;

/// <summary>
/// Gathers a report's facts and stores its projection. Two ways in, one computation (<see cref="ReportProjector"/>):
/// from the live session's state when the scorecard is submitted (or a self-assessment changes it afterwards), and
/// from the tables and log for sessions submitted before projections were stored (docs/decisions/165).
/// </summary>
public static class ReportProjections
{
    /// <summary>
    /// Computes the report from the state right after a submitting (or later self-assessing) entry and stores it, in
    /// the caller's transaction. Step timings and step diagrams were written by earlier timer entries.
    /// </summary>
    public static async Task WriteAsync(AppDbContext db, Guid sessionId, SessionDefinition definition, SessionState after)
    {
        var card = after.Scorecard ?? throw new InvalidOperationException("The report is written once the scorecard is submitted.");
        var submitted = card.Submitted;
        var facts = new ReportFacts(
            Enum.Parse<TargetLevel>(submitted.TargetLevel), card.At,
            new ReportFeedback(submitted.Strengths, submitted.Improvements, submitted.NextStep),
            after.Scores, after.SelfScores, after.RedFlags,
            await StartedStepsAsync(db, sessionId), await FinalComponentsAsync(db, sessionId));
        await SaveAsync(db, sessionId, ReportProjector.Project(definition.Rubric, definition.Case, facts), replaceCurrent: true);
    }

    /// <summary>
    /// Computes the report of a session submitted before projections existed, as the report page used to on every
    /// view: levels and self-assessment from the scorecard tables, hint marks and red flags from the log (the last
    /// entry per criterion or flag wins), timings and the final diagram from their side tables.
    /// </summary>
    public static async Task<ReportProjection> FromTablesAsync(
        AppDbContext db, ScorecardRow card, Rubric rubric, InterviewCase? interviewCase, CancellationToken ct)
    {
        var sessionId = card.SessionId;
        var rows = await db.Set<CriterionScoreRow>().AsNoTracking().Where(s => s.SessionId == sessionId).ToListAsync(ct);

        var marks = new Dictionary<CriterionRef, CriterionScored>();
        var flags = new List<RedFlagRef>();
        var logged = await db.Set<SessionEventRow>().AsNoTracking()
            .Where(e => e.SessionId == sessionId && (e.Kind == SessionLogKinds.Score || e.Kind == SessionLogKinds.RedFlag))
            .OrderBy(e => e.Seq).Select(e => new { e.Kind, e.Payload }).ToListAsync(ct);
        foreach (var entry in logged)
        {
            switch (SessionChangeJson.Deserialize(entry.Kind, entry.Payload))
            {
                case CriterionScored scored:
                    marks[new CriterionRef(scored.StepId, scored.CriterionId)] = scored;
                    break;
                case RedFlagRecorded flag when rubric.FindRedFlag(flag.StepId, flag.FlagId) is not null:
                    // As the live session keeps them: a flag raised again keeps its place.
                    var reference = new RedFlagRef(flag.StepId, flag.FlagId);
                    if (!flag.Raised)
                    {
                        flags.Remove(reference);
                    }
                    else if (!flags.Contains(reference))
                    {
                        flags.Add(reference);
                    }
                    break;
            }
        }

        // Levels and notes as the scorecard stored them; marks from the log where it has them.
        var scores = rows.Where(r => r.Source == ScoreSources.Interviewer).Select(r =>
        {
            var mark = marks.GetValueOrDefault(new CriterionRef(r.StepId, r.CriterionId));
            return new CriterionScored(r.StepId, r.CriterionId, r.Level, r.Note, mark?.NeededHint ?? false, mark?.Signals ?? []);
        }).ToList();
        var self = rows.Where(r => r.Source == ScoreSources.Self).Select(r => new SelfAssessed(r.StepId, r.CriterionId, r.Level)).ToList();

        var facts = new ReportFacts(
            Enum.Parse<TargetLevel>(card.TargetLevel), card.SubmittedAt, new ReportFeedback(card.Strengths, card.Improvements, card.NextStep),
            scores, self, flags, await StartedStepsAsync(db, sessionId, ct), await FinalComponentsAsync(db, sessionId, ct));
        return ReportProjector.Project(rubric, interviewCase, facts);
    }

    /// <summary>
    /// Stores a projection. <paramref name="replaceCurrent"/>: the live session's own write, which replaces whatever is
    /// there; otherwise (a back-fill) only a missing or older-shaped projection is replaced, so a back-fill that
    /// raced a live write never overwrites the newer one.
    /// </summary>
    public static async Task SaveAsync(AppDbContext db, Guid sessionId, ReportProjection projection, bool replaceCurrent, CancellationToken ct = default)
    {
        var json = ReportProjectionJson.Serialize(projection);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO report_projections ("SessionId", "Version", "Projection")
            VALUES ({sessionId}, {projection.Version}, CAST({json} AS jsonb))
            ON CONFLICT ("SessionId") DO UPDATE SET "Version" = EXCLUDED."Version", "Projection" = EXCLUDED."Projection"
            WHERE {replaceCurrent} OR report_projections."Version" < EXCLUDED."Version"
            """, ct);
    }

    /// <summary>Steps whose clock ever started, with the seconds each ran (the timer's side table).</summary>
    private static async Task<IReadOnlyDictionary<string, double>> StartedStepsAsync(AppDbContext db, Guid sessionId, CancellationToken ct = default) =>
        await db.Set<StepTimingRow>().AsNoTracking().Where(t => t.SessionId == sessionId && t.StartedAt != null)
            .ToDictionaryAsync(t => t.StepId, t => t.UsedSeconds, StringComparer.Ordinal, ct);

    /// <summary>The component types in the diagram as the last step ended (the latest step snapshot).</summary>
    private static async Task<IReadOnlySet<string>> FinalComponentsAsync(AppDbContext db, Guid sessionId, CancellationToken ct = default)
    {
        var final = await db.Set<StepDiagramRow>().AsNoTracking().Where(d => d.SessionId == sessionId)
            .OrderByDescending(d => d.Seq).Select(d => d.Snapshot).FirstOrDefaultAsync(ct);
        return final is null
            ? new HashSet<string>()
            : DiagramJson.DeserializeSnapshot(final).Nodes.Select(n => n.ComponentType).ToHashSet(StringComparer.Ordinal);
    }
}
