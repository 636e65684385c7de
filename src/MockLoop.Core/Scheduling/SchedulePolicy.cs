namespace MockLoop.Core.Scheduling;

/// <summary>
/// The numbers behind scheduled sessions. One record so the host can show them ("cancel up to 2 hours before") from
/// the same values the rules use.
/// </summary>
public sealed record SchedulePolicy
{
    public static readonly SchedulePolicy Default = new();

    /// <summary>How far ahead slots can be booked.</summary>
    public int HorizonDays { get; init; } = 14;

    /// <summary>Slots start every this often, on the UTC grid (see docs/decisions/070).</summary>
    public TimeSpan SlotLength { get; init; } = TimeSpan.FromHours(1);

    /// <summary>The latest moment before the start at which open bookings are matched; also the booking deadline.</summary>
    public TimeSpan CutOff { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Either person may cancel until this long before the start.</summary>
    public TimeSpan CancelDeadline { get; init; } = TimeSpan.FromHours(2);

    /// <summary>A cancellation of a matched session closer than this to the start counts against reliability.</summary>
    public TimeSpan LateCancelWindow { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan ReminderLead { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan RoomOpensEarly { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>How long the person who came waits before they may end the wait.</summary>
    public TimeSpan NoShowGrace { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Partners of a session within this window are avoided when someone else fits.</summary>
    public TimeSpan RepeatPartnerWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Late cancellations plus no-shows within <see cref="StrikeWindow"/> that limit booking.</summary>
    public int StrikesBeforeLimit { get; init; } = 3;

    public TimeSpan StrikeWindow { get; init; } = TimeSpan.FromDays(30);

    /// <summary>How long booking stays limited after the strike that reached the limit.</summary>
    public TimeSpan LimitDuration { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Open (not yet held) bookings a person may have at once; a limited person gets none.</summary>
    public int MaxOpenBookings { get; init; } = 6;

    /// <summary>Ratings an interviewer needs before an average usefulness is shown or used.</summary>
    public int RatingsBeforeAverage { get; init; } = 3;

    /// <summary>An average usefulness (1–5) at or above this counts as a helpful interviewer.</summary>
    public double HelpfulAverage { get; init; } = 4.0;
}
