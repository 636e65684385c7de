using MockLoop.Core.Pairing;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Scheduling;

namespace MockLoop.Web.Schedule;

public enum BookingStatus
{
    /// <summary>Waiting for a partner (or, with an invite code, for the friend).</summary>
    Open = 0,
    /// <summary>Paired: <see cref="Booking.SessionId"/> is the room.</summary>
    Matched = 1,
    Cancelled = 2,
    /// <summary>Nobody fitted by the cut-off; the person was told so.</summary>
    Unmatched = 3,
}

/// <summary>One person's wish to practise in one slot, and what became of it.</summary>
public sealed class Booking
{
    public const int InviteCodeLength = 22;

    public Guid Id { get; set; }
    public Guid UserId { get; set; }
    public DateTimeOffset SlotStart { get; set; }
    public PairingRole Role { get; set; }
    public TargetLevel Level { get; set; }

    /// <summary>"id@version" of a shipped rubric, like the lobby.</summary>
    public string RubricKey { get; set; } = "";
    public string? CaseId { get; set; }
    public bool PreferHelpful { get; set; }
    public DateTimeOffset BookedAt { get; set; }
    public BookingStatus Status { get; set; }

    /// <summary>Set for "book with someone specific": the link's secret. Such a booking is never matched with strangers.</summary>
    public string? InviteCode { get; set; }

    public Guid? SessionId { get; set; }
    public Guid? PartnerBookingId { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>When the person opened the room at or after its opening: they came.</summary>
    public DateTimeOffset? ArrivedAt { get; set; }

    /// <summary>Attended, no-show or late cancel, once known; counts for reliability and booking limits.</summary>
    public BookingOutcome? Outcome { get; set; }
    public DateTimeOffset? OutcomeAt { get; set; }

    public OpenBooking ToOpen() => new(Id, UserId, SlotStart, Role, Level, RubricKey, CaseId, PreferHelpful, BookedAt);
}
