using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MockLoop.Core.Pairing;
using MockLoop.Core.Scheduling;
using MockLoop.Web.Data;
using MockLoop.Web.Schedule.Mail;
using NodaTime;

namespace MockLoop.Web.Schedule;

/// <summary>A booking as the schedule pages show it.</summary>
/// <param name="Waiting">Why an open booking (not an invite) has no partner yet; null once matched.</param>
public sealed record BookingView(
    Booking Booking, string? PartnerName, Reliability? PartnerReliability, string? CaseId, bool CanCancel, bool IsInterviewer,
    WaitReason? Waiting = null);

/// <summary>A past scheduled session the person may still rate.</summary>
public sealed record RatingDue(Guid SessionId, DateTimeOffset Start, string PartnerName, bool IAmInterviewer);

/// <summary>Reads for the schedule pages, the profile's time zone, the .ics download and ratings.</summary>
public sealed class ScheduleQueries(
    AppDbContext db, TimeProvider clock, MatchContextReader reader, SchedulePolicy policy, IOptions<MailOptions> mail)
{
    public DateTimeOffset Now => clock.GetUtcNow();

    public async Task<DateTimeZone?> TimeZoneOfAsync(Guid userId, CancellationToken ct = default)
    {
        var id = await db.Set<ScheduleProfile>().AsNoTracking().Where(p => p.UserId == userId).Select(p => p.TimeZone).FirstOrDefaultAsync(ct);
        return TimeZones.Find(id);
    }

    public async Task SetTimeZoneAsync(Guid userId, string zone, CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO schedule_profiles ("UserId", "TimeZone") VALUES ({userId}, {zone})
            ON CONFLICT ("UserId") DO UPDATE SET "TimeZone" = EXCLUDED."TimeZone"
            """, ct);
    }

    /// <summary>Open and matched bookings from the start of the slot that is running now, soonest first.</summary>
    public async Task<IReadOnlyList<BookingView>> UpcomingAsync(Guid userId, CancellationToken ct = default)
    {
        var now = Now;
        var from = now - policy.SlotLength;
        var mine = await db.Set<Booking>().AsNoTracking()
            .Where(b => b.UserId == userId && b.SlotStart > from && (b.Status == BookingStatus.Open || b.Status == BookingStatus.Matched))
            .OrderBy(b => b.SlotStart)
            .ToListAsync(ct);
        var partnerIds = mine.Where(b => b.PartnerBookingId != null).Select(b => b.PartnerBookingId!.Value).ToList();
        var partners = await db.Set<Booking>().AsNoTracking().Where(b => partnerIds.Contains(b.Id))
            .Join(db.Users, b => b.UserId, u => u.Id, (b, u) => new { b.Id, b.UserId, u.DisplayName })
            .ToDictionaryAsync(p => p.Id, ct);
        var sessionIds = mine.Where(b => b.SessionId != null).Select(b => b.SessionId!.Value).ToList();
        var cases = await db.Sessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.CaseId, ct);
        var waiting = await WaitReasonsAsync(mine, ct);
        var views = new List<BookingView>();
        foreach (var booking in mine)
        {
            var partner = booking.PartnerBookingId is { } p && partners.TryGetValue(p, out var found) ? found : null;
            var isInterviewer = booking.Role == PairingRole.Interviewer;
            views.Add(new BookingView(
                booking,
                partner?.DisplayName,
                partner is null ? null : await reader.ReliabilityOfAsync(partner.UserId, ct),
                // The interviewer may read the case ahead; the candidate meets it in the room.
                isInterviewer && booking.SessionId is { } s ? cases.GetValueOrDefault(s) : null,
                CancellationRules.Decide(booking.SlotStart, booking.Status == BookingStatus.Matched, now, policy) != CancelOutcome.TooLate,
                isInterviewer,
                waiting.GetValueOrDefault(booking.Id)));
        }
        return views;
    }

    /// <summary>
    /// For each of the person's open public bookings, why it waits: read from the other open bookings of its slot
    /// with the matching rules (one query for all the slots, one for the people's shared history).
    /// </summary>
    private async Task<IReadOnlyDictionary<Guid, WaitReason>> WaitReasonsAsync(IReadOnlyList<Booking> mine, CancellationToken ct)
    {
        var open = mine.Where(b => b.Status == BookingStatus.Open && b.InviteCode == null).ToList();
        if (open.Count == 0)
        {
            return new Dictionary<Guid, WaitReason>();
        }
        var slots = open.Select(b => b.SlotStart).Distinct().ToList();
        var others = await db.Set<Booking>().AsNoTracking()
            .Where(b => slots.Contains(b.SlotStart) && b.Status == BookingStatus.Open && b.InviteCode == null)
            .ToListAsync(ct);
        var context = await reader.ForAsync(others.Select(o => o.UserId).Distinct().ToList(), ct);
        return open.ToDictionary(b => b.Id, b => WaitReasons.Explain(
            b.ToOpen(), others.Where(o => o.SlotStart == b.SlotStart).Select(o => o.ToOpen()).ToList(), context));
    }

    /// <summary>Bookings nobody fitted by the cut-off whose slot has not ended: the page offers the lobby or another slot.</summary>
    public async Task<IReadOnlyList<Booking>> UnmatchedAsync(Guid userId, CancellationToken ct = default)
    {
        var from = Now - policy.SlotLength;
        return await db.Set<Booking>().AsNoTracking()
            .Where(b => b.UserId == userId && b.Status == BookingStatus.Unmatched && b.SlotStart > from)
            .OrderBy(b => b.SlotStart)
            .ToListAsync(ct);
    }

    public async Task<IReadOnlyList<RatingDue>> RatingsDueAsync(Guid userId, CancellationToken ct = default)
    {
        var now = Now;
        var rated = db.Set<SessionRating>().Where(r => r.RaterId == userId).Select(r => r.SessionId);
        var rows = await db.Set<Booking>().AsNoTracking()
            .Where(b => b.UserId == userId && b.Status == BookingStatus.Matched && b.SessionId != null && b.SlotStart <= now
                && b.ArrivedAt != null && b.SlotStart > now.AddDays(-30) && !rated.Contains(b.SessionId!.Value))
            .Join(db.Set<Booking>(), b => b.PartnerBookingId, p => p.Id, (b, p) => new { b, p })
            .Where(x => x.p.ArrivedAt != null)
            .Join(db.Users, x => x.p.UserId, u => u.Id, (x, u) => new { x.b.SessionId, x.b.SlotStart, x.b.Role, u.DisplayName })
            .OrderByDescending(x => x.SlotStart)
            .ToListAsync(ct);
        return rows.Select(r => new RatingDue(r.SessionId!.Value, r.SlotStart, r.DisplayName, r.Role == PairingRole.Interviewer)).ToList();
    }

    public async Task<string?> RateAsync(Guid userId, Guid sessionId, int? usefulness, string? onTime, int? preparation, CancellationToken ct = default)
    {
        var due = (await RatingsDueAsync(userId, ct)).FirstOrDefault(r => r.SessionId == sessionId);
        if (due is null)
        {
            return "That session cannot be rated (already rated, not held yet, or not yours).";
        }
        var session = await db.Sessions.AsNoTracking().FirstAsync(s => s.Id == sessionId, ct);
        var rating = new SessionRating
        {
            SessionId = sessionId,
            RaterId = userId,
            RateeId = due.IAmInterviewer ? session.CandidateId!.Value : session.InterviewerId!.Value,
            RaterWasInterviewer = due.IAmInterviewer,
            RatedAt = Now,
        };
        if (due.IAmInterviewer)
        {
            if (onTime is not ("yes" or "no") || preparation is not { } p || !RatingRules.IsValid(p))
            {
                return "Say whether your candidate was on time and rate their preparation from 1 to 5.";
            }
            rating.OnTime = onTime == "yes";
            rating.Preparation = p;
        }
        else
        {
            if (usefulness is not { } u || !RatingRules.IsValid(u))
            {
                return "Rate how useful the feedback was, from 1 to 5.";
            }
            rating.Usefulness = u;
        }
        db.Add(rating);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return "You have already rated that session.";
        }
        return null;
    }

    /// <summary>The interviewer's average usefulness and how many ratings it rests on (the average only once there are enough).</summary>
    public async Task<(double? Average, int Count)> UsefulnessOfAsync(Guid interviewer, CancellationToken ct = default)
    {
        var values = await db.Set<SessionRating>().AsNoTracking()
            .Where(r => r.RateeId == interviewer && r.Usefulness != null).Select(r => r.Usefulness!.Value).ToListAsync(ct);
        return (RatingRules.AverageUsefulness(values, policy), values.Count);
    }

    public async Task<string?> InviteFileAsync(Guid userId, Guid sessionId, CancellationToken ct = default)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.ScheduledFor != null, ct);
        if (session is null || session.RoleOf(userId) is null)
        {
            return null;
        }
        var emails = await db.Users.AsNoTracking()
            .Where(u => u.Id == session.InterviewerId || u.Id == session.CandidateId).Select(u => u.Email!).ToListAsync(ct);
        var baseUrl = mail.Value.PublicBaseUrl.TrimEnd('/');
        return CalendarInvite.Build(new InviteDetails(sessionId, session.ScheduledFor!.Value, policy.SlotLength,
            "MockLoop mock interview", "An ML system design mock interview on MockLoop.", new Uri($"{baseUrl}/s/{sessionId}"),
            mail.Value.FromAddress, emails, Cancelled: false));
    }

    public async Task<Booking?> InviteAsync(string code, CancellationToken ct = default) =>
        await db.Set<Booking>().AsNoTracking().FirstOrDefaultAsync(b => b.InviteCode == code, ct);

    public async Task<string> DisplayNameAsync(Guid userId, CancellationToken ct = default) =>
        await db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? "?";

    /// <summary>How many other people wait for a partner in each upcoming slot (public bookings only).</summary>
    public async Task<Dictionary<DateTimeOffset, int>> OpenCountsAsync(DateTimeOffset now, Guid except, CancellationToken ct = default)
    {
        var rows = await db.Set<Booking>().AsNoTracking()
            .Where(b => b.SlotStart > now && b.Status == BookingStatus.Open && b.InviteCode == null && b.UserId != except)
            .GroupBy(b => b.SlotStart)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Key, r => r.Count);
    }

    public async Task<BookingLimit> LimitOfAsync(Guid userId, CancellationToken ct = default) =>
        BookingLimit.Decide(await reader.OutcomesOfAsync(userId, ct), Now, policy);

    public Task<Reliability> ReliabilityOfAsync(Guid userId, CancellationToken ct = default) => reader.ReliabilityOfAsync(userId, ct);
}
