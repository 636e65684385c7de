using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Scheduling;
using MockLoop.Core.Sessions;
using MockLoop.Web.Data;

namespace MockLoop.Web.Schedule;

/// <summary>What a scheduled room shows around the live room: closed until it opens, who came, ending the wait.</summary>
public sealed record ScheduledRoomState(
    DateTimeOffset Start, DateTimeOffset OpensAt, bool Open, bool PartnerArrived, bool CanEndWait, DateTimeOffset WaitEndsAt, NodaTime.DateTimeZone Zone)
{
    public string Local(DateTimeOffset instant) =>
        TimeZones.ToLocal(instant, Zone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Arrivals and no-shows of scheduled sessions. Unscheduled sessions are untouched (null state).</summary>
public sealed class AttendanceService(AppDbContext db, TimeProvider clock, SchedulePolicy policy)
{
    /// <summary>The state for the member opening the room; records their arrival once the room is open.</summary>
    public async Task<ScheduledRoomState?> EnterAsync(Guid userId, Guid sessionId, CancellationToken ct = default)
    {
        var mine = await db.Set<Booking>().FirstOrDefaultAsync(b => b.SessionId == sessionId && b.UserId == userId && b.Status == BookingStatus.Matched, ct);
        if (mine is null)
        {
            return null;
        }
        var now = clock.GetUtcNow();
        var open = AttendanceRules.Room(mine.SlotStart, now, policy) == RoomTime.Open;
        if (open && mine.ArrivedAt is null)
        {
            mine.ArrivedAt = now;
            // Coming late after being written off as a no-show does not undo it; coming at all otherwise counts.
            if (mine.Outcome is null)
            {
                mine.Outcome = BookingOutcome.Attended;
                mine.OutcomeAt = now;
            }
            await db.SaveChangesAsync(ct);
        }
        var partner = await db.Set<Booking>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == mine.PartnerBookingId, ct);
        var partnerArrived = partner?.ArrivedAt is not null;
        var zone = await db.Set<ScheduleProfile>().AsNoTracking().Where(p => p.UserId == userId).Select(p => p.TimeZone).FirstOrDefaultAsync(ct);
        return new ScheduledRoomState(mine.SlotStart, AttendanceRules.OpensAt(mine.SlotStart, policy), open, partnerArrived,
            AttendanceRules.CanEndWait(mine.ArrivedAt is not null, partnerArrived, mine.SlotStart, now, policy),
            AttendanceRules.WaitEndsAt(mine.SlotStart, policy), TimeZones.FindOrUtc(zone));
    }

    /// <summary>True when the session is scheduled and its room has not opened yet (the hub refuses it too).</summary>
    public async Task<bool> NotYetOpenAsync(Guid sessionId, CancellationToken ct = default)
    {
        var start = await db.Sessions.AsNoTracking().Where(s => s.Id == sessionId).Select(s => s.ScheduledFor).FirstOrDefaultAsync(ct);
        return start is { } s && AttendanceRules.Room(s, clock.GetUtcNow(), policy) == RoomTime.NotYetOpen;
    }

    /// <summary>
    /// The person who came gives up on the partner: the partner is a no-show, the session ends, and the waiter gets
    /// the head of the lobby queue for a while. Returns the refusal sentence, or null.
    /// </summary>
    public async Task<string?> EndWaitAsync(Guid userId, Guid sessionId, CancellationToken ct = default)
    {
        var state = await EnterAsync(userId, sessionId, ct);
        if (state is null)
        {
            return "This is not a scheduled session of yours.";
        }
        if (!state.CanEndWait)
        {
            return state.PartnerArrived
                ? "Your partner is here."
                : $"You can end the wait {policy.NoShowGrace.TotalMinutes:0} minutes after the start.";
        }
        var now = clock.GetUtcNow();
        var partner = await db.Set<Booking>().FirstAsync(b => b.SessionId == sessionId && b.UserId != userId, ct);
        partner.Outcome = BookingOutcome.NoShow;
        partner.OutcomeAt = now;
        await db.SaveChangesAsync(ct);
        await db.Sessions.Where(s => s.Id == sessionId && s.Status != SessionStatus.Ended)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Status, SessionStatus.Ended).SetProperty(s => s.EndedAt, now), ct);
        return null;
    }
}

/// <summary>
/// People whose scheduled partner did not come: their lobby joins go to the head of the queue for a while. Read from
/// the bookings, so it holds on whichever node the lobby page connects to.
/// </summary>
public sealed class LobbyPriority(AppDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(30);

    public Task<bool> HasAsync(Guid userId, CancellationToken ct = default)
    {
        var since = clock.GetUtcNow() - Window;
        return db.Set<Booking>().AnyAsync(b => b.UserId == userId && b.ArrivedAt != null
            && db.Set<Booking>().Any(p => p.Id == b.PartnerBookingId && p.Outcome == BookingOutcome.NoShow && p.OutcomeAt > since), ct);
    }
}
