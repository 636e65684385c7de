using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;
using MockLoop.Web.Scoring;

namespace MockLoop.Web.Rooms.Live;

/// <summary>
/// What a few entries make durable beyond the log, written in the entry's own transaction: the session's status and
/// step timings (timer), the diagram as each step ended (for reports and replay), the self-assessment and the
/// scorecard tables (for history, progress and calibration), and the stored report (docs/decisions/165).
/// </summary>
internal static class SessionSideTables
{
    public static async Task SaveAsync(
        AppDbContext db, Guid sessionId, SessionDefinition definition, SessionState before, SessionState after,
        SessionEntry entry, Guid? interviewerId, Guid? candidateId)
    {
        switch (entry.Change)
        {
            case TimerChanged timer:
                await SaveStepTimingsAsync(db, sessionId, definition, after, timer.Event.At);
                await SaveStepDiagramAsync(db, sessionId, definition, before, timer.Event, entry.Seq);
                if (timer.Event is TimerStarted started)
                {
                    await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u
                        .SetProperty(s => s.Status, SessionStatus.Live).SetProperty(s => s.StartedAt, started.At));
                }
                else if (timer.Event is TimerEnded ended)
                {
                    await db.Sessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u
                        .SetProperty(s => s.Status, SessionStatus.Ended).SetProperty(s => s.EndedAt, ended.At));
                }
                break;
            case SelfAssessed self:
                var row = await db.Set<CriterionScoreRow>().FindAsync(sessionId, ScoreSources.Self, self.StepId, self.CriterionId);
                if (row is null)
                {
                    db.Add(new CriterionScoreRow { SessionId = sessionId, Source = ScoreSources.Self, StepId = self.StepId, CriterionId = self.CriterionId, Level = self.Level });
                }
                else
                {
                    row.Level = self.Level;
                }
                await db.SaveChangesAsync();
                if (after.IsSubmitted)
                {
                    // The report shows the self-assessment, which stays open after the submission.
                    await ReportProjections.WriteAsync(db, sessionId, definition, after);
                }
                break;
            case ScorecardSubmitted:
                await SaveScorecardAsync(db, sessionId, definition, after, interviewerId!.Value, candidateId!.Value);
                await ReportProjections.WriteAsync(db, sessionId, definition, after);
                break;
        }
    }

    private static async Task SaveStepTimingsAsync(AppDbContext db, Guid sessionId, SessionDefinition definition, SessionState state, DateTimeOffset now)
    {
        var timings = state.Timer.StepTimings(now);
        var rows = await db.Set<StepTimingRow>().Where(r => r.SessionId == sessionId).ToDictionaryAsync(r => r.StepId);
        for (var i = 0; i < timings.Count; i++)
        {
            var timing = timings[i];
            if (timing.StartedAt is null)
            {
                continue;
            }
            if (!rows.TryGetValue(timing.StepId, out var row))
            {
                row = new StepTimingRow { SessionId = sessionId, StepId = timing.StepId, StepIndex = i };
                db.Add(row);
            }
            row.StartedAt = timing.StartedAt;
            row.EndedAt = timing.EndedAt;
            row.UsedSeconds = timing.UsedSeconds;
            row.BudgetSeconds = definition.Rubric.Steps[i].BudgetMinutes * 60.0;
        }
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The diagram as it was when a step ended (left for another step, or the interview ended), for reports and replay.
    /// A step visited again gets the snapshot of its last visit.
    /// </summary>
    private static async Task SaveStepDiagramAsync(
        AppDbContext db, Guid sessionId, SessionDefinition definition, SessionState before, TimerEvent timerEvent, long seq)
    {
        int? leftIndex = timerEvent switch
        {
            TimerStepChanged changed => changed.FromIndex,
            TimerEnded => before.Timer.CurrentStepIndex,
            _ => null,
        };
        if (leftIndex is not { } index || before.Timer.Status == TimerStatus.NotStarted)
        {
            return;
        }
        var stepId = definition.Rubric.Steps[index].Id;
        var snapshot = DiagramJson.Serialize(before.Diagram.ToSnapshot());
        var row = await db.Set<StepDiagramRow>().FindAsync(sessionId, stepId);
        if (row is null)
        {
            db.Add(new StepDiagramRow { SessionId = sessionId, StepId = stepId, Seq = seq, Snapshot = snapshot, At = timerEvent.At });
        }
        else
        {
            row.Seq = seq;
            row.Snapshot = snapshot;
            row.At = timerEvent.At;
        }
        await db.SaveChangesAsync();
    }

    private static async Task SaveScorecardAsync(
        AppDbContext db, Guid sessionId, SessionDefinition definition, SessionState after, Guid interviewerId, Guid candidateId)
    {
        var view = SessionViews.Scorecard(definition, after)!;
        var rubric = definition.Rubric;
        db.Add(new ScorecardRow
        {
            SessionId = sessionId, RubricId = rubric.Id, RubricVersion = rubric.Version,
            InterviewerId = interviewerId, CandidateId = candidateId, CaseId = definition.Case?.Id,
            TargetLevel = view.TargetLevel, Overall = view.Result.Overall, Verdict = view.Verdict.Outcome,
            Strengths = view.Strengths, Improvements = view.Improvements, NextStep = view.NextStep,
            SubmittedAt = view.SubmittedAt,
        });
        foreach (var step in view.Result.Steps)
        {
            db.Add(new ScorecardStepRow { SessionId = sessionId, StepId = step.StepId, Score = step.Score });
        }
        foreach (var score in after.Scores)
        {
            db.Add(new CriterionScoreRow
            {
                SessionId = sessionId, Source = ScoreSources.Interviewer, StepId = score.StepId, CriterionId = score.CriterionId,
                Level = score.Level, Note = score.Note,
            });
        }
        await db.SaveChangesAsync();
    }
}
