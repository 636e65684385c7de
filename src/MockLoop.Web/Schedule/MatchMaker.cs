using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Scheduling;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms;
using MockLoop.Web.Rubrics;
using MockLoop.Web.Schedule.Jobs;

namespace MockLoop.Web.Schedule;

/// <summary>
/// Turns two matched bookings into a room: decides the case by the spoiler rule, creates the session with both seats
/// and its start, links the bookings and queues the confirmation and reminder mail. Runs inside the caller's
/// transaction, so a match is all or nothing.
/// </summary>
public sealed class MatchMaker(
    AppDbContext db, SessionService sessions, IRubricCatalog catalog, MatchContextReader reader, JobQueue jobs, SchedulePolicy policy, TimeProvider clock)
{
    public async Task<InterviewSession> MatchAsync(Booking candidate, Booking interviewer, CancellationToken ct = default)
    {
        var (rubricId, version) = ParseRubricKey(candidate.RubricKey);
        var asked = interviewer.CaseId ?? candidate.CaseId;
        var seen = await reader.CasesSeenByAsync(candidate.UserId, ct);
        var cases = catalog.CasesFor(rubricId).Select(c => c.Id).ToList();
        var caseId = CaseDraw.Choose(asked, cases, seen, Random.Shared);

        var session = await sessions.CreatePairedAsync(interviewer.UserId, candidate.UserId, new SessionSetup(rubricId, version, caseId), ct);
        await db.Sessions.Where(s => s.Id == session.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ScheduledFor, candidate.SlotStart), ct);
        session.ScheduledFor = candidate.SlotStart;

        foreach (var (mine, theirs) in new[] { (candidate, interviewer), (interviewer, candidate) })
        {
            mine.Status = BookingStatus.Matched;
            mine.SessionId = session.Id;
            mine.PartnerBookingId = theirs.Id;
        }
        await db.SaveChangesAsync(ct);

        foreach (var booking in new[] { candidate, interviewer })
        {
            var key = $"{booking.Id}:{session.Id}";
            await jobs.EnqueueAsync(JobKinds.Confirmation, key, booking.Id, clock.GetUtcNow(), ct);
            await jobs.EnqueueAsync(JobKinds.Reminder, key, booking.Id, booking.SlotStart - policy.ReminderLead, ct);
        }
        await jobs.EnqueueAsync(JobKinds.NoShowCheck, session.Id.ToString(), session.Id,
            AttendanceRules.WaitEndsAt(candidate.SlotStart, policy) + policy.NoShowGrace, ct);
        return session;
    }

    public static (string Id, int Version) ParseRubricKey(string key)
    {
        var at = key.LastIndexOf('@');
        return at > 0 && int.TryParse(key[(at + 1)..], out var version) ? (key[..at], version) : (key, 1);
    }
}
