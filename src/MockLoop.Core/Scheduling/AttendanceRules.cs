namespace MockLoop.Core.Scheduling;

/// <summary>What a scheduled room allows at a given moment.</summary>
public enum RoomTime
{
    /// <summary>Earlier than the room's opening, 10 minutes before the start.</summary>
    NotYetOpen,
    Open,
}

/// <summary>Opening the room, and ending the wait for a partner who did not come.</summary>
public static class AttendanceRules
{
    public static DateTimeOffset OpensAt(DateTimeOffset slotStart, SchedulePolicy policy) => slotStart - policy.RoomOpensEarly;

    public static RoomTime Room(DateTimeOffset slotStart, DateTimeOffset now, SchedulePolicy policy) =>
        now < OpensAt(slotStart, policy) ? RoomTime.NotYetOpen : RoomTime.Open;

    /// <summary>The moment the person who came may give up on the partner.</summary>
    public static DateTimeOffset WaitEndsAt(DateTimeOffset slotStart, SchedulePolicy policy) => slotStart + policy.NoShowGrace;

    /// <summary>
    /// Whether the person waiting may end the wait: they came, the partner did not, and the grace period after
    /// the start is over. The partner is then recorded as a no-show.
    /// </summary>
    public static bool CanEndWait(bool waiterArrived, bool partnerArrived, DateTimeOffset slotStart, DateTimeOffset now, SchedulePolicy policy) =>
        waiterArrived && !partnerArrived && now >= WaitEndsAt(slotStart, policy);
}
