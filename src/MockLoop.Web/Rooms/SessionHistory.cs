using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;
using MockLoop.Web.Rubrics;

namespace MockLoop.Web.Rooms;

public sealed record HistoryRow(
    Guid SessionId, DateTimeOffset CreatedAt, SeatRole MyRole, string? PartnerName, string? CaseTitle,
    string RubricTitle, TimeSpan? Duration, SessionStatus Status, bool Scored);

/// <summary>My sessions, newest first: the history page's one query.</summary>
public sealed class SessionHistory(AppDbContext db, IRubricCatalog catalog, TimeProvider clock)
{
    public async Task<IReadOnlyList<HistoryRow>> ForUserAsync(Guid userId, CancellationToken ct = default)
    {
        var rows = await db.Sessions.AsNoTracking()
            .Where(s => s.InterviewerId == userId || s.CandidateId == userId)
            .OrderByDescending(s => s.CreatedAt)
            .Take(200)
            .Select(s => new
            {
                s.Id, s.CreatedAt, s.InterviewerId, s.CandidateId, s.CaseId, s.RubricId, s.RubricVersion, s.StartedAt, s.EndedAt, s.Status,
                Scored = db.Set<Scoring.ScorecardRow>().Any(c => c.SessionId == s.Id),
                PartnerName = db.Users
                    .Where(u => u.Id == (s.InterviewerId == userId ? s.CandidateId : s.InterviewerId))
                    .Select(u => u.DisplayName).FirstOrDefault(),
            })
            .ToListAsync(ct);

        var result = new List<HistoryRow>(rows.Count);
        foreach (var r in rows)
        {
            var rubric = await catalog.FindAsync(r.RubricId, r.RubricVersion, userId, ct);
            var duration = r.StartedAt is { } start ? (r.EndedAt ?? clock.GetUtcNow()) - start : (TimeSpan?)null;
            result.Add(new HistoryRow(
                r.Id, r.CreatedAt, r.InterviewerId == userId ? SeatRole.Interviewer : SeatRole.Candidate,
                r.PartnerName, r.CaseId is null ? null : catalog.FindCase(r.CaseId)?.Title,
                rubric?.Title ?? r.RubricId, r.EndedAt is null && r.Status != SessionStatus.Live ? null : duration, r.Status, r.Scored));
        }
        return result;
    }
}
