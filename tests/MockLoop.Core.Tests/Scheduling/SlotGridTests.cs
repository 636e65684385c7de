using MockLoop.Core.Scheduling;
using MockLoop.Core.Tests.Support;
using NodaTime;

namespace MockLoop.Core.Tests.Scheduling;

public sealed class SlotGridTests
{
    private static readonly SchedulePolicy Policy = SchedulePolicy.Default;
    private static readonly DateTimeZone London = TimeZones.Find("Europe/London")!;

    [Fact]
    public void Fourteen_days_of_hourly_slots_start_at_the_viewers_local_midnight()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2026, 6, 10, 9, 20, 0, TimeSpan.Zero));
        var slots = SlotGrid.Days(clock.GetUtcNow(), London, Policy);

        Assert.Equal(14 * 24, slots.Count);
        Assert.Equal(new LocalDateTime(2026, 6, 10, 0, 0), slots[0].LocalStart);
        Assert.Equal(new DateTimeOffset(2026, 6, 9, 23, 0, 0, TimeSpan.Zero), slots[0].Start);
        Assert.Equal(new LocalDateTime(2026, 6, 23, 23, 0), slots[^1].LocalStart);
    }

    [Fact]
    public void Slots_inside_the_cut_off_or_past_are_shown_but_not_bookable()
    {
        var now = new DateTimeOffset(2026, 6, 10, 9, 20, 0, TimeSpan.Zero);
        var slots = SlotGrid.Days(now, DateTimeZone.Utc, Policy);

        Assert.False(slots.Single(s => s.Start == new DateTimeOffset(2026, 6, 10, 11, 0, 0, TimeSpan.Zero)).Bookable);
        Assert.True(slots.Single(s => s.Start == new DateTimeOffset(2026, 6, 10, 12, 0, 0, TimeSpan.Zero)).Bookable);
        Assert.All(slots.Where(s => s.Start <= now), s => Assert.False(s.Bookable));
    }

    [Fact]
    public void The_day_clocks_go_forward_has_23_slots_and_skips_the_missing_hour()
    {
        var now = new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero);
        var day = SlotGrid.Days(now, London, Policy).Where(s => s.LocalDay == new LocalDate(2026, 3, 29)).ToList();

        Assert.Equal(23, day.Count);
        Assert.DoesNotContain(day, s => s.LocalStart.Hour == 1);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero), day.Single(s => s.LocalStart.Hour == 2).Start);
    }

    [Fact]
    public void The_day_clocks_go_back_has_25_slots_with_one_oclock_twice()
    {
        var now = new DateTimeOffset(2026, 10, 24, 12, 0, 0, TimeSpan.Zero);
        var day = SlotGrid.Days(now, London, Policy).Where(s => s.LocalDay == new LocalDate(2026, 10, 25)).ToList();

        Assert.Equal(25, day.Count);
        var ones = day.Where(s => s.LocalStart.Hour == 1).ToList();
        Assert.Equal(2, ones.Count);
        Assert.Equal(TimeSpan.FromHours(1), ones[1].Start - ones[0].Start);
    }

    [Fact]
    public void A_half_hour_zone_sees_the_same_utc_slots_at_half_past()
    {
        var kolkata = TimeZones.Find("Asia/Kolkata")!;
        var now = new DateTimeOffset(2026, 6, 10, 0, 0, 0, TimeSpan.Zero);
        var slots = SlotGrid.Days(now, kolkata, Policy);

        Assert.All(slots, s => Assert.Equal(30, s.LocalStart.Minute));
        Assert.All(slots, s => Assert.True(SlotGrid.IsOnGrid(s.Start, Policy)));
        Assert.Equal(new LocalDateTime(2026, 6, 10, 0, 30), slots[0].LocalStart);
    }

    [Fact]
    public void Only_whole_utc_hours_are_on_the_grid()
    {
        Assert.True(SlotGrid.IsOnGrid(new DateTimeOffset(2026, 6, 10, 14, 0, 0, TimeSpan.Zero), Policy));
        Assert.False(SlotGrid.IsOnGrid(new DateTimeOffset(2026, 6, 10, 14, 30, 0, TimeSpan.Zero), Policy));
        Assert.False(SlotGrid.IsOnGrid(new DateTimeOffset(2026, 6, 10, 14, 0, 0, TimeSpan.FromHours(2)), Policy));
    }

    [Fact]
    public void Unknown_time_zone_names_fall_back_to_utc()
    {
        Assert.Null(TimeZones.Find("Mars/Olympus_Mons"));
        Assert.Equal(DateTimeZone.Utc, TimeZones.FindOrUtc("Mars/Olympus_Mons"));
        Assert.Equal(DateTimeZone.Utc, TimeZones.FindOrUtc(null));
        Assert.Equal("UTC+01:00", TimeZones.OffsetLabel(new DateTimeOffset(2026, 6, 10, 0, 0, 0, TimeSpan.Zero), London));
    }

    [Fact]
    public void A_zone_is_named_with_its_offset_once_and_utc_is_not_said_twice()
    {
        var june = new DateTimeOffset(2026, 6, 10, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal(" (UTC+01:00)", TimeZones.OffsetNote(june, London));
        Assert.Equal("Europe/London, UTC+01:00", TimeZones.Describe(june, London));
        Assert.Equal("", TimeZones.OffsetNote(june, DateTimeZone.Utc));
        Assert.Equal("UTC", TimeZones.Describe(june, DateTimeZone.Utc));
        // London in winter is at offset zero but is not the zone named UTC: its name and offset both stay.
        var january = new DateTimeOffset(2026, 1, 10, 0, 0, 0, TimeSpan.Zero);
        Assert.Equal("Europe/London, UTC", TimeZones.Describe(january, London));
    }
}
