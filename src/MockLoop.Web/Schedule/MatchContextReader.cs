using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Scheduling;
using MockLoop.Core.Sessions;
using MockLoop.Web.Cases;
using MockLoop.Web.Data;

namespace MockLoop.Web.Schedule;

/// <summary>Reads what matching needs to know about people: past sessions together, no-shows, usefulness ratings, cases seen.</summary>
public sealed class MatchContextReader(AppDbContext db, CaseMaterialService material)
{
    public async Task<MatchContext> ForAsync(IReadOnlyCollection<Guid> users, CancellationToken ct = default)
    {
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => s.InterviewerId != null && s.CandidateId != null
                && (users.Contains(s.InterviewerId!.Value) || users.Contains(s.CandidateId!.Value)))
            .Select(s => new { s.Id, Interviewer = s.InterviewerId!.Value, Candidate = s.CandidateId!.Value, At = s.ScheduledFor ?? s.CreatedAt })
            .ToListAsync(ct);
        var ids = sessions.Select(s => s.Id).ToList();
        var noShows = await db.Set<Booking>().AsNoTracking()
            .Where(b => b.SessionId != null && ids.Contains(b.SessionId.Value) && b.Outcome == BookingOutcome.NoShow)
            .Select(b => b.SessionId!.Value)
            .Distinct()
            .ToListAsync(ct);
        var history = sessions
            .Select(s => new PastPairing(s.Interviewer, s.Candidate, s.At, noShows.Contains(s.Id)))
            .ToList();
        return new MatchContext(history, await UsefulnessAsync(users, ct));
    }

    /// <summary>Average usefulness per interviewer, only for those with enough ratings to mean something.</summary>
    public async Task<IReadOnlyDictionary<Guid, double>> UsefulnessAsync(IReadOnlyCollection<Guid> users, CancellationToken ct = default)
    {
        var ratings = await db.Set<SessionRating>().AsNoTracking()
            .Where(r => users.Contains(r.RateeId) && r.Usefulness != null)
            .Select(r => new { r.RateeId, Value = r.Usefulness!.Value })
            .ToListAsync(ct);
        var result = new Dictionary<Guid, double>();
        foreach (var group in ratings.GroupBy(r => r.RateeId))
        {
            if (RatingRules.AverageUsefulness(group.Select(g => g.Value).ToList(), SchedulePolicy.Default) is { } average)
            {
                result[group.Key] = average;
            }
        }
        return result;
    }

    /// <summary>
    /// Cases the candidate must not be given: those of sessions they sat in either seat (an interviewer has read the
    /// case's interviewer material). Opening that material on the case pages is not recorded yet (the hardening
    /// issue's record); see docs/decisions/073.
    /// </summary>
    public async Task<IReadOnlySet<string>> CasesSeenByAsync(Guid candidate, CancellationToken ct = default)
    {
        var done = await db.Sessions.AsNoTracking()
            .Where(s => (s.CandidateId == candidate || s.InterviewerId == candidate) && s.CaseId != null && s.Status != SessionStatus.Waiting)
            .Select(s => s.CaseId!)
            .Distinct()
            .ToListAsync(ct);
        // Plus whatever the hardening rule counts as seen: material opened on a case page, cases interviewed.
        var seen = await material.CasesSeenByAsync(candidate, ct);
        return done.Concat(seen).ToHashSet(StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<OutcomeEvent>> OutcomesOfAsync(Guid user, CancellationToken ct = default)
    {
        var rows = await db.Set<Booking>().AsNoTracking()
            .Where(b => b.UserId == user && b.Outcome != null)
            .Select(b => new { Outcome = b.Outcome!.Value, At = b.OutcomeAt ?? b.SlotStart })
            .ToListAsync(ct);
        return rows.Select(r => new OutcomeEvent(r.Outcome, r.At)).ToList();
    }

    public async Task<Reliability> ReliabilityOfAsync(Guid user, CancellationToken ct = default) =>
        Reliability.From(await OutcomesOfAsync(user, ct));
}
