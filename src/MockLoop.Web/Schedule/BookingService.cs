using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MockLoop.Core.Pairing;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Scheduling;
using MockLoop.Web.Data;
using MockLoop.Web.Rooms;
using MockLoop.Web.Rubrics;
using MockLoop.Web.Schedule.Jobs;

namespace MockLoop.Web.Schedule;

/// <summary>What the booking form sends.</summary>
public sealed record BookingForm(
    DateTimeOffset SlotStart, PairingRole Role, TargetLevel Level, string RubricKey, string? CaseId, bool PreferHelpful, bool WithSomeone);

public sealed record BookingResult(Booking? Booking, BookingRefusal? Refusal, Guid? MatchedSession = null);

/// <summary>
/// Booking, matching at once, accepting a friend's link and cancelling. Each change runs in one transaction holding
/// a per-slot advisory lock, so two people booking the same slot at the same moment are matched exactly once (and
/// the cut-off job takes the same lock).
/// </summary>
public sealed class BookingService(
    AppDbContext db, TimeProvider clock, IRubricCatalog catalog, MatchContextReader reader, MatchMaker matchMaker,
    JobQueue jobs, SchedulePolicy policy)
{
    public async Task<BookingResult> BookAsync(Guid userId, BookingForm form, CancellationToken ct = default)
    {
        if (!Enum.IsDefined(form.Role) || !Enum.IsDefined(form.Level))
        {
            return Refused("form", "Choose a role and a target level.");
        }
        var choices = await catalog.ChoicesForAsync(userId, ct);
        var rubric = choices.FirstOrDefault(c => !c.IsCustom && $"{c.Id}@{c.Version}" == form.RubricKey);
        if (rubric is null)
        {
            return Refused("rubric", "Choose one of the shipped rubrics (your own rubrics are for invite links).");
        }
        var caseId = string.IsNullOrWhiteSpace(form.CaseId) ? null : form.CaseId.Trim();
        if (caseId is not null && catalog.CasesFor(rubric.Id).All(c => c.Id != caseId))
        {
            return Refused("case", "That case is not written for the chosen rubric.");
        }

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockSlotAsync(form.SlotStart, ct);
        if (await RefusalForAsync(userId, form.SlotStart, now, ct) is { } refusal)
        {
            return new BookingResult(null, refusal);
        }

        var booking = new Booking
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            SlotStart = form.SlotStart,
            Role = form.Role,
            Level = form.Level,
            RubricKey = form.RubricKey,
            CaseId = caseId,
            PreferHelpful = form.PreferHelpful && form.Role != PairingRole.Interviewer,
            BookedAt = now,
            Status = BookingStatus.Open,
            InviteCode = form.WithSomeone ? NewInviteCode() : null,
        };
        db.Add(booking);
        await db.SaveChangesAsync(ct);
        await jobs.EnqueueAsync(JobKinds.CutOff, CutOffKey(form.SlotStart), null, form.SlotStart - policy.CutOff, ct);

        Guid? matched = null;
        if (booking.InviteCode is null)
        {
            matched = (await TryMatchNowAsync(booking, ct))?.Id;
        }
        await tx.CommitAsync(ct);
        return new BookingResult(booking, null, matched);
    }

    /// <summary>A friend accepts a "book with someone specific" link: their booking is made and matched with the host's.</summary>
    public async Task<BookingResult> AcceptInviteAsync(Guid userId, string code, PairingRole? seat, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var host = await db.Set<Booking>().AsNoTracking().FirstOrDefaultAsync(b => b.InviteCode == code, ct);
        if (host is null)
        {
            return Refused("not-found", "This invite link is not valid.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockSlotAsync(host.SlotStart, ct);
        host = await db.Set<Booking>().FirstAsync(b => b.Id == host.Id, ct);
        if (host.UserId == userId)
        {
            return Refused("own", "This is your own invite: send the link to the person you want to practise with.");
        }
        if (host.Status != BookingStatus.Open)
        {
            return Refused("taken", "This invite has already been accepted or was cancelled.");
        }
        if (host.SlotStart - policy.CutOff <= now)
        {
            return Refused("too-late", "This invite expired at its cut-off, 2 hours before the start.");
        }
        var role = host.Role switch
        {
            PairingRole.Candidate => PairingRole.Interviewer,
            PairingRole.Interviewer => PairingRole.Candidate,
            _ => seat is PairingRole.Candidate or PairingRole.Interviewer ? seat.Value : (PairingRole?)null,
        };
        if (role is null)
        {
            return Refused("seat", "Choose whether you will be the candidate or the interviewer.");
        }
        if (await RefusalForAsync(userId, host.SlotStart, now, ct) is { } refusal)
        {
            return new BookingResult(null, refusal);
        }

        var guest = new Booking
        {
            Id = Guid.CreateVersion7(),
            UserId = userId,
            SlotStart = host.SlotStart,
            Role = role.Value,
            Level = host.Level,
            RubricKey = host.RubricKey,
            CaseId = host.CaseId,
            BookedAt = now,
            Status = BookingStatus.Open,
        };
        if (host.Role == PairingRole.Either)
        {
            host.Role = role == PairingRole.Candidate ? PairingRole.Interviewer : PairingRole.Candidate;
        }
        db.Add(guest);
        await db.SaveChangesAsync(ct);
        var (candidate, interviewer) = guest.Role == PairingRole.Candidate ? (guest, host) : (host, guest);
        var session = await matchMaker.MatchAsync(candidate, interviewer, ct);
        await tx.CommitAsync(ct);
        return new BookingResult(guest, null, session.Id);
    }

    public async Task<BookingRefusal?> CancelAsync(Guid userId, Guid bookingId, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var booking = await db.Set<Booking>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId && b.UserId == userId, ct);
        if (booking is null)
        {
            return new("not-found", "That booking is not yours or does not exist.");
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await LockSlotAsync(booking.SlotStart, ct);
        booking = await db.Set<Booking>().FirstAsync(b => b.Id == bookingId, ct);
        if (booking.Status is BookingStatus.Cancelled or BookingStatus.Unmatched)
        {
            return new("closed", "That booking is already closed.");
        }
        var matched = booking.Status == BookingStatus.Matched;
        var outcome = CancellationRules.Decide(booking.SlotStart, matched, now, policy);
        if (outcome == CancelOutcome.TooLate)
        {
            return new("too-late", $"Bookings can be cancelled until {BookingRules.Hours(policy.CancelDeadline)} before the start.");
        }

        booking.Status = BookingStatus.Cancelled;
        booking.CancelledAt = now;
        if (outcome == CancelOutcome.Late)
        {
            booking.Outcome = BookingOutcome.LateCancel;
            booking.OutcomeAt = now;
        }
        Booking? partner = null;
        if (matched && booking.PartnerBookingId is { } partnerId)
        {
            partner = await db.Set<Booking>().FirstAsync(b => b.Id == partnerId, ct);
            // The partner keeps the slot and goes back to the pool; the session made for the pair goes.
            partner.Status = BookingStatus.Open;
            partner.SessionId = null;
            partner.PartnerBookingId = null;
        }
        await db.SaveChangesAsync(ct);
        if (matched && booking.SessionId is { } sessionId)
        {
            await db.Sessions.Where(s => s.Id == sessionId && s.StartedAt == null).ExecuteDeleteAsync(ct);
            await jobs.EnqueueAsync(JobKinds.PartnerCancelled, $"{booking.Id}:{sessionId}", booking.Id, now, ct);
        }
        if (partner is not null && partner.InviteCode is null)
        {
            await TryMatchNowAsync(partner, ct);
        }
        await tx.CommitAsync(ct);
        return null;
    }

    private async Task<InterviewSession?> TryMatchNowAsync(Booking booking, CancellationToken ct)
    {
        var others = await db.Set<Booking>()
            .Where(b => b.SlotStart == booking.SlotStart && b.Status == BookingStatus.Open && b.InviteCode == null && b.Id != booking.Id)
            .ToListAsync(ct);
        if (others.Count == 0)
        {
            return null;
        }
        var context = await reader.ForAsync(others.Select(o => o.UserId).Append(booking.UserId).ToList(), ct);
        if (MatchingRules.BestPartnerNow(booking.ToOpen(), others.Select(o => o.ToOpen()), context, policy) is not var (c, i))
        {
            return null;
        }
        var all = others.Append(booking).ToDictionary(b => b.Id);
        return await matchMaker.MatchAsync(all[c.Id], all[i.Id], ct);
    }

    /// <summary>Serialises every change to one slot's bookings across nodes, for the rest of the transaction.</summary>
    internal Task LockSlotAsync(DateTimeOffset slot, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock({SlotLockKey(slot)})", ct);

    internal static long SlotLockKey(DateTimeOffset slot) => 0x5C4ED000_0000_0000L ^ (slot.UtcTicks / TimeSpan.TicksPerHour);

    public static string CutOffKey(DateTimeOffset slot) => slot.UtcDateTime.ToString("yyyy-MM-ddTHH:mmZ", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Why this person may not book that slot now (their other bookings, their booking limit), if anything.</summary>
    private async Task<BookingRefusal?> RefusalForAsync(Guid userId, DateTimeOffset slotStart, DateTimeOffset now, CancellationToken ct)
    {
        var theirSlots = await db.Set<Booking>()
            .Where(b => b.UserId == userId && (b.Status == BookingStatus.Open || b.Status == BookingStatus.Matched) && b.SlotStart > now)
            .Select(b => b.SlotStart)
            .ToListAsync(ct);
        var limit = BookingLimit.Decide(await reader.OutcomesOfAsync(userId, ct), now, policy);
        return BookingRules.Decide(slotStart, now, theirSlots, limit, policy);
    }

    private static string NewInviteCode() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(16)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static BookingResult Refused(string code, string message) => new(null, new BookingRefusal(code, message));
}
