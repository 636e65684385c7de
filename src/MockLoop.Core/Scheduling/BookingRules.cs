namespace MockLoop.Core.Scheduling;

/// <summary>Why a booking was refused, with the sentence a person is shown.</summary>
public sealed record BookingRefusal(string Code, string Message);

/// <summary>May this person book this slot now? Pure: the host passes what it read from the database.</summary>
public static class BookingRules
{
    /// <param name="theirSlots">Starts of the person's bookings that are still open or matched.</param>
    /// <returns>null when the booking may be made.</returns>
    public static BookingRefusal? Decide(
        DateTimeOffset slotStart, DateTimeOffset now, IReadOnlyCollection<DateTimeOffset> theirSlots, BookingLimit limit, SchedulePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(theirSlots);
        ArgumentNullException.ThrowIfNull(limit);
        if (!SlotGrid.IsOnGrid(slotStart, policy))
        {
            return new("slot", "That is not one of the offered slots.");
        }
        if (slotStart - policy.CutOff <= now)
        {
            return new("too-late", $"Slots can be booked until {Hours(policy.CutOff)} before they start; pick a later one or try the lobby.");
        }
        if (slotStart > now + TimeSpan.FromDays(policy.HorizonDays) + policy.SlotLength)
        {
            return new("too-early", $"Slots open {policy.HorizonDays} days ahead.");
        }
        if (limit.LimitedAt(now))
        {
            return new("limited", $"Booking is paused until {limit.Until:yyyy-MM-dd HH:mm} UTC after repeated late cancellations or missed sessions.");
        }
        if (theirSlots.Contains(slotStart))
        {
            return new("double", "You already have a booking at that time.");
        }
        if (theirSlots.Count(s => s > now) >= policy.MaxOpenBookings)
        {
            return new("too-many", $"You can hold at most {policy.MaxOpenBookings} upcoming bookings.");
        }
        return null;
    }

    public static string Hours(TimeSpan span) =>
        span.TotalHours == 1 ? "1 hour" : span.TotalMinutes % 60 == 0 ? $"{span.TotalHours:0} hours" : $"{span.TotalMinutes:0} minutes";
}
