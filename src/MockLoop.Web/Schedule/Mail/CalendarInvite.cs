using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace MockLoop.Web.Schedule.Mail;

/// <summary>What goes into an .ics invite for a scheduled session.</summary>
public sealed record InviteDetails(
    Guid SessionId, DateTimeOffset Start, TimeSpan Length, string Summary, string Description, Uri RoomUrl,
    string OrganizerAddress, IReadOnlyList<string> Attendees, bool Cancelled);

/// <summary>Builds the iCalendar text (RFC 5545) with Ical.Net. The UID is stable per session, so a cancellation replaces the invite.</summary>
public static class CalendarInvite
{
    public const string ContentType = "text/calendar";

    public static string Uid(Guid sessionId) => $"session-{sessionId}@mockloop";

    public static string Build(InviteDetails details)
    {
        var calendar = new Calendar { Method = details.Cancelled ? "CANCEL" : "REQUEST" };
        var meeting = new CalendarEvent
        {
            Uid = Uid(details.SessionId),
            Summary = details.Summary,
            Description = details.Description + "\n\nRoom: " + details.RoomUrl,
            Location = details.RoomUrl.ToString(),
            Url = details.RoomUrl,
            DtStart = new CalDateTime(details.Start.UtcDateTime),
            DtEnd = new CalDateTime((details.Start + details.Length).UtcDateTime),
            Status = details.Cancelled ? "CANCELLED" : "CONFIRMED",
            Sequence = details.Cancelled ? 1 : 0,
            Organizer = new Organizer("mailto:" + details.OrganizerAddress) { CommonName = "MockLoop" },
        };
        foreach (var attendee in details.Attendees)
        {
            meeting.Attendees.Add(new Attendee("mailto:" + attendee));
        }
        calendar.Events.Add(meeting);
        return new CalendarSerializer().SerializeToString(calendar) ?? throw new InvalidOperationException("The invite did not serialise.");
    }
}
