using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Cases;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;

namespace MockLoop.Web.Cases;

/// <summary>
/// Entitlement to a case's interviewer material and the record of who opened it. Every page or endpoint that shows
/// a case asks <see cref="AccessAsync"/>; every draw of a case for a candidate leaves out <see cref="CasesSeenByAsync"/>.
/// </summary>
public sealed class CaseMaterialService(AppDbContext db, TimeProvider clock)
{
    public async Task<CaseMaterialAccess> AccessAsync(Guid? userId, string caseId, CancellationToken ct = default)
    {
        if (userId is not { } user)
        {
            return CaseMaterialRules.Decide(signedIn: false, interviewsWithCase: false, openedMaterial: false);
        }
        var interviews = await db.Sessions.AnyAsync(s => s.InterviewerId == user && s.CaseId == caseId, ct);
        var opened = await db.Set<CaseMaterialOpening>().AnyAsync(o => o.UserId == user && o.CaseId == caseId, ct);
        return CaseMaterialRules.Decide(signedIn: true, interviews, opened);
    }

    /// <summary>Records that the user opened the case's material (idempotent: the first time counts).</summary>
    public async Task OpenAsync(Guid userId, string caseId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO case_material_openings ("UserId", "CaseId", "OpenedAt") VALUES ({userId}, {caseId}, {now})
            ON CONFLICT ("UserId", "CaseId") DO NOTHING
            """, ct);
    }

    /// <summary>
    /// The cases whose interviewer material this user has seen: opened on a case page, had in a room as the
    /// interviewer, or read in the report of an interview they finished as the candidate (it lists the expected
    /// design). Never to be drawn for them as candidate (random case, lobby, return match, scheduled sessions).
    /// </summary>
    public async Task<IReadOnlySet<string>> CasesSeenByAsync(Guid userId, CancellationToken ct = default)
    {
        var opened = await db.Set<CaseMaterialOpening>().Where(o => o.UserId == userId).Select(o => o.CaseId).ToListAsync(ct);
        var sessions = await db.Sessions
            .Where(s => s.CaseId != null && (s.InterviewerId == userId || (s.CandidateId == userId && s.Status == SessionStatus.Ended)))
            .Select(s => s.CaseId!).ToListAsync(ct);
        return opened.Concat(sessions).ToHashSet(StringComparer.Ordinal);
    }
}
