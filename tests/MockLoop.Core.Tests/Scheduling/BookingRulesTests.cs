using MockLoop.Core.Scheduling;

namespace MockLoop.Core.Tests.Scheduling;

public sealed class BookingRulesTests
{
    private static readonly SchedulePolicy Policy = SchedulePolicy.Default;
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 9, 20, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Noon = new(2026, 6, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_slot_after_the_cut_off_can_be_booked() =>
        Assert.Null(BookingRules.Decide(Noon, Now, [], BookingLimit.None, Policy));

    [Theory]
    [InlineData(11, 0, "too-late")]
    [InlineData(12, 30, "slot")]
    public void Slots_inside_the_cut_off_or_off_the_grid_are_refused(int hour, int minute, string code)
    {
        var start = new DateTimeOffset(2026, 6, 10, hour, minute, 0, TimeSpan.Zero);
        Assert.Equal(code, BookingRules.Decide(start, Now, [], BookingLimit.None, Policy)?.Code);
    }

    [Fact]
    public void Exactly_at_the_cut_off_is_too_late() =>
        Assert.Equal("too-late", BookingRules.Decide(Noon, Noon - Policy.CutOff, [], BookingLimit.None, Policy)?.Code);

    [Fact]
    public void Beyond_the_horizon_is_refused() =>
        Assert.Equal("too-early", BookingRules.Decide(Noon.AddDays(16), Now, [], BookingLimit.None, Policy)?.Code);

    [Fact]
    public void The_same_slot_twice_is_refused() =>
        Assert.Equal("double", BookingRules.Decide(Noon, Now, [Noon], BookingLimit.None, Policy)?.Code);

    [Fact]
    public void Too_many_upcoming_bookings_are_refused()
    {
        var mine = Enumerable.Range(1, Policy.MaxOpenBookings).Select(h => Noon.AddHours(h)).ToList();
        Assert.Equal("too-many", BookingRules.Decide(Noon, Now, mine, BookingLimit.None, Policy)?.Code);
    }

    [Fact]
    public void A_limited_person_cannot_book_until_the_limit_ends()
    {
        var limit = new BookingLimit(Now.AddDays(2));
        Assert.Equal("limited", BookingRules.Decide(Noon, Now, [], limit, Policy)?.Code);
        Assert.Null(BookingRules.Decide(Noon.AddDays(3), Now.AddDays(2), [], limit, Policy));
    }
}
