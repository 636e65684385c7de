using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MockLoop.Core.Pairing;
using MockLoop.Core.Scheduling;
using MockLoop.Web.Data;

namespace MockLoop.Web.Schedule.Mail;

/// <summary>The words of each scheduling mail, in the recipient's time zone, with the invite attached where it helps.</summary>
public sealed class ScheduleMails(AppDbContext db, Mailer mailer, IOptions<MailOptions> options, MatchContextReader reader, SchedulePolicy policy)
{
    private sealed record Person(Guid Id, string Email, string Name, string Zone);

    public async Task SendConfirmationAsync(Booking booking, CancellationToken ct)
    {
        if (booking.Status != BookingStatus.Matched || booking.SessionId is not { } sessionId || booking.PartnerBookingId is not { } partnerId)
        {
            return; // Cancelled or re-matched since: the mail would be stale.
        }
        var (me, partner, _) = await PairAsync(booking, partnerId, ct);
        var when = Describe(booking.SlotStart, me.Zone);
        var reliability = await reader.ReliabilityOfAsync(partner.Id, ct);
        var body = $"""
            Hello {me.Name},

            You are matched for a mock interview on {when}.
            You are the {Seat(booking)}; your partner is {partner.Name} ({reliability.Describe()}).
            {CaseLine(booking)}
            The room opens {policy.RoomOpensEarly.TotalMinutes:0} minutes before the start: {RoomUrl(sessionId)}
            Can't make it? Cancel on {Link("/schedule")} up to {BookingRules.Hours(policy.CancelDeadline)} before; {partner.Name} is told.

            The calendar invite is attached.
            """;
        await mailer.SendAsync(new OutgoingMail(me.Email, me.Name, $"Matched: mock interview on {when}", body,
            Invite(sessionId, booking.SlotStart, [me.Email, partner.Email], cancelled: false)), ct);
    }

    public async Task SendReminderAsync(Booking booking, CancellationToken ct)
    {
        if (booking.Status != BookingStatus.Matched || booking.SessionId is not { } sessionId || booking.PartnerBookingId is not { } partnerId)
        {
            return;
        }
        var (me, partner, _) = await PairAsync(booking, partnerId, ct);
        var when = Describe(booking.SlotStart, me.Zone);
        var body = $"""
            Hello {me.Name},

            Your mock interview with {partner.Name} starts in {BookingRules.Hours(policy.ReminderLead)}, on {when}.
            You are the {Seat(booking)}. {CaseLine(booking)}
            The room opens {policy.RoomOpensEarly.TotalMinutes:0} minutes early: {RoomUrl(sessionId)}
            """;
        await mailer.SendAsync(new OutgoingMail(me.Email, me.Name, $"Reminder: mock interview at {Time(booking.SlotStart, me.Zone)}", body,
            Invite(sessionId, booking.SlotStart, [me.Email, partner.Email], cancelled: false)), ct);
    }

    /// <summary>Tells the partner of a cancelled booking; their booking stays open for another partner.</summary>
    public async Task SendPartnerCancelledAsync(Booking cancelled, string key, CancellationToken ct)
    {
        var sessionId = Guid.Parse(key[(key.IndexOf(':') + 1)..]);
        if (cancelled.PartnerBookingId is not { } partnerBookingId)
        {
            return;
        }
        var partnerId = await db.Set<Booking>().AsNoTracking().Where(b => b.Id == partnerBookingId).Select(b => (Guid?)b.UserId).FirstOrDefaultAsync(ct);
        if (partnerId is null)
        {
            return;
        }
        var partner = await PersonAsync(partnerId.Value, ct);
        var canceller = await PersonAsync(cancelled.UserId, ct);
        var when = Describe(cancelled.SlotStart, partner.Zone);
        var body = $"""
            Hello {partner.Name},

            {canceller.Name} cancelled your mock interview on {when}.
            Your booking stays open: if someone else books the slot before the cut-off, {BookingRules.Hours(policy.CutOff)} before the start,
            you are matched and get a new invite. Otherwise you can pick another slot on {Link("/schedule")} or join the lobby: {Link("/lobby")}

            The attached update removes the old invite from your calendar.
            """;
        await mailer.SendAsync(new OutgoingMail(partner.Email, partner.Name, $"Cancelled: mock interview on {when}", body,
            Invite(sessionId, cancelled.SlotStart, [partner.Email], cancelled: true)), ct);
    }

    public async Task SendUnmatchedAsync(Booking booking, CancellationToken ct)
    {
        var me = await PersonAsync(booking.UserId, ct);
        var when = Describe(booking.SlotStart, me.Zone);
        var why = booking.InviteCode is null
            ? "nobody with a fitting role and rubric booked it by the cut-off"
            : "the person you invited did not accept by the cut-off";
        var body = $"""
            Hello {me.Name},

            We could not match your booking for {when}: {why}.
            Join the lobby to be paired with whoever is there now: {Link("/lobby")}
            Or pick another slot: {Link("/schedule")}
            """;
        await mailer.SendAsync(new OutgoingMail(me.Email, me.Name, $"No partner for {when}", body), ct);
    }

    private async Task<(Person Me, Person Partner, Booking PartnerBooking)> PairAsync(Booking booking, Guid partnerBookingId, CancellationToken ct)
    {
        var partnerBooking = await db.Set<Booking>().AsNoTracking().FirstAsync(b => b.Id == partnerBookingId, ct);
        return (await PersonAsync(booking.UserId, ct), await PersonAsync(partnerBooking.UserId, ct), partnerBooking);
    }

    private async Task<Person> PersonAsync(Guid userId, CancellationToken ct)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName }).FirstAsync(ct);
        var zone = await db.Set<ScheduleProfile>().AsNoTracking().Where(p => p.UserId == userId)
            .Select(p => p.TimeZone).FirstOrDefaultAsync(ct);
        return new Person(userId, user.Email ?? throw new InvalidOperationException("A user without an email address."), user.DisplayName, zone ?? TimeZones.Fallback);
    }

    private static string Seat(Booking booking) => booking.Role == PairingRole.Interviewer ? "interviewer" : "candidate";

    private string CaseLine(Booking booking) => booking.Role == PairingRole.Interviewer
        ? $"You can read the case ahead on {Link("/schedule")}."
        : "The case is revealed in the room.";

    private string? Invite(Guid sessionId, DateTimeOffset start, IReadOnlyList<string> attendees, bool cancelled) =>
        CalendarInvite.Build(new InviteDetails(sessionId, start, policy.SlotLength, "MockLoop mock interview",
            "An ML system design mock interview on MockLoop.", RoomUrl(sessionId), options.Value.FromAddress, attendees, cancelled));

    private Uri RoomUrl(Guid sessionId) => new(Link($"/s/{sessionId}"));

    private string Link(string path) => options.Value.PublicBaseUrl.TrimEnd('/') + path;

    public static string Describe(DateTimeOffset start, string zoneId)
    {
        var zone = TimeZones.FindOrUtc(zoneId);
        var local = TimeZones.ToLocal(start, zone);
        return local.ToString("dddd d MMMM yyyy 'at' HH:mm", CultureInfo.InvariantCulture) + $" ({TimeZones.Describe(start, zone)})";
    }

    private static string Time(DateTimeOffset start, string zoneId) =>
        TimeZones.ToLocal(start, TimeZones.FindOrUtc(zoneId)).ToString("HH:mm", CultureInfo.InvariantCulture);
}
