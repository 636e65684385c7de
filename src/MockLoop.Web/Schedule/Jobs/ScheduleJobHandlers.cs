using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Scheduling;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;
using MockLoop.Web.Schedule.Mail;

namespace MockLoop.Web.Schedule.Jobs;

/// <summary>What each kind of job does. Each is safe to run again after a crash: it checks state before acting.</summary>
public sealed class ScheduleJobHandlers(
    AppDbContext db, BookingService bookings, MatchContextReader reader, MatchMaker matchMaker, JobQueue jobs,
    ScheduleMails mails, TimeProvider clock, SchedulePolicy policy)
{
    public async Task HandleAsync(ClaimedJob job, CancellationToken ct)
    {
        switch (job.Kind)
        {
            case JobKinds.CutOff:
                await CutOffAsync(DateTimeOffset.Parse(job.Key, System.Globalization.CultureInfo.InvariantCulture), ct);
                break;
            case JobKinds.NoShowCheck:
                await NoShowCheckAsync(job.Subject!.Value, ct);
                break;
            case JobKinds.Confirmation or JobKinds.Reminder or JobKinds.PartnerCancelled or JobKinds.Unmatched:
                var booking = await db.Set<Booking>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == job.Subject, ct);
                if (booking is null)
                {
                    return;
                }
                await (job.Kind switch
                {
                    JobKinds.Confirmation => SameSession(booking, job) ? mails.SendConfirmationAsync(booking, ct) : Task.CompletedTask,
                    JobKinds.Reminder => SameSession(booking, job) ? mails.SendReminderAsync(booking, ct) : Task.CompletedTask,
                    JobKinds.PartnerCancelled => mails.SendPartnerCancelledAsync(booking, job.Key, ct),
                    _ => mails.SendUnmatchedAsync(booking, ct),
                });
                break;
            default:
                throw new InvalidOperationException($"Unknown job kind '{job.Kind}'.");
        }
    }

    // A confirmation or reminder belongs to one match; after a cancel and a new match the new jobs carry the new session.
    private static bool SameSession(Booking booking, ClaimedJob job) => job.Key.EndsWith(":" + booking.SessionId, StringComparison.Ordinal);

    /// <summary>Pairs what the slot still has open; tells the rest nobody fitted.</summary>
    private async Task CutOffAsync(DateTimeOffset slot, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await bookings.LockSlotAsync(slot, ct);
        var open = await db.Set<Booking>().Where(b => b.SlotStart == slot && b.Status == BookingStatus.Open).ToListAsync(ct);
        var publicOnes = open.Where(b => b.InviteCode == null).ToList();
        var context = await reader.ForAsync(publicOnes.Select(b => b.UserId).ToList(), ct);
        var (pairs, _) = MatchingRules.AtCutOff(publicOnes.Select(b => b.ToOpen()).ToList(), context, policy);
        var byId = open.ToDictionary(b => b.Id);
        foreach (var (candidate, interviewer) in pairs)
        {
            await matchMaker.MatchAsync(byId[candidate.Id], byId[interviewer.Id], ct);
        }
        foreach (var left in open.Where(b => b.Status == BookingStatus.Open))
        {
            left.Status = BookingStatus.Unmatched;
            await jobs.EnqueueAsync(JobKinds.Unmatched, left.Id.ToString(), left.Id, clock.GetUtcNow(), ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>After the wait: whoever of a scheduled session never came is a no-show (unless the waiter already said so).</summary>
    private async Task NoShowCheckAsync(Guid sessionId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var absent = await db.Set<Booking>()
            .Where(b => b.SessionId == sessionId && b.Status == BookingStatus.Matched && b.ArrivedAt == null && b.Outcome == null)
            .ToListAsync(ct);
        foreach (var booking in absent)
        {
            booking.Outcome = BookingOutcome.NoShow;
            booking.OutcomeAt = now;
        }
        await db.SaveChangesAsync(ct);
        if (absent.Count > 0)
        {
            // Nobody can hold a session one side never came to.
            await db.Sessions.Where(s => s.Id == sessionId && s.StartedAt == null && s.Status != SessionStatus.Ended)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SessionStatus.Ended).SetProperty(s => s.EndedAt, now), ct);
        }
    }
}
