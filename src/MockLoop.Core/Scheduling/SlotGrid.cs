using NodaTime;

namespace MockLoop.Core.Scheduling;

/// <summary>A bookable slot: its instant and how it reads on the wall clock of the person looking.</summary>
public sealed record SlotView(DateTimeOffset Start, LocalDateTime LocalStart, bool Bookable)
{
    public LocalDate LocalDay => LocalStart.Date;
}

/// <summary>
/// The slots people book. Starts lie on one grid of whole UTC hours for everybody, so a person in Kolkata (UTC+5:30)
/// and one in London can book the same slot; each sees it in their own time zone (docs/decisions/070).
/// </summary>
public static class SlotGrid
{
    public static bool IsOnGrid(DateTimeOffset start, SchedulePolicy policy) =>
        start.Offset == TimeSpan.Zero && start.UtcTicks % policy.SlotLength.Ticks == 0;

    /// <summary>The first grid slot strictly after <paramref name="now"/>.</summary>
    public static DateTimeOffset NextSlotAfter(DateTimeOffset now, SchedulePolicy policy)
    {
        var ticks = policy.SlotLength.Ticks;
        var next = (now.UtcTicks / ticks + 1) * ticks;
        return new DateTimeOffset(next, TimeSpan.Zero);
    }

    /// <summary>
    /// Every slot from the start of the viewer's current local day to the end of the last local day of the horizon,
    /// in order. Slots already past or inside the booking cut-off are listed as not bookable, so a day's column is
    /// complete. A day with a daylight-saving change simply has 23 or 25 slots: the grid is in UTC, the labels local.
    /// </summary>
    public static IReadOnlyList<SlotView> Days(DateTimeOffset now, DateTimeZone zone, SchedulePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var nowInstant = Instant.FromDateTimeOffset(now);
        var today = nowInstant.InZone(zone).Date;
        var firstInstant = zone.AtStartOfDay(today).ToInstant();
        var endInstant = zone.AtStartOfDay(today.PlusDays(policy.HorizonDays)).ToInstant();

        var slots = new List<SlotView>();
        var start = NextSlotAfter(firstInstant.ToDateTimeOffset().AddTicks(-1), policy);
        for (; Instant.FromDateTimeOffset(start) < endInstant; start += policy.SlotLength)
        {
            var local = Instant.FromDateTimeOffset(start).InZone(zone).LocalDateTime;
            slots.Add(new SlotView(start, local, IsBookable(start, now, policy)));
        }
        return slots;
    }

    /// <summary>Open for booking: on the grid, before the cut-off and within the horizon.</summary>
    public static bool IsBookable(DateTimeOffset start, DateTimeOffset now, SchedulePolicy policy) =>
        IsOnGrid(start, policy)
        && start - policy.CutOff > now
        && start <= now + TimeSpan.FromDays(policy.HorizonDays) + policy.SlotLength;
}
