using MockLoop.Core.Scheduling;
using MockLoop.Core.Tests.Support;

namespace MockLoop.Core.Tests.Scheduling;

public sealed class TimeRulesTests
{
    private static readonly SchedulePolicy Policy = SchedulePolicy.Default;
    private static readonly DateTimeOffset Start = new(2026, 6, 12, 15, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Cancelling_is_free_until_the_day_before_then_late_then_refused_in_the_last_two_hours()
    {
        var clock = new ManualTimeProvider(Start.AddDays(-2));
        Assert.Equal(CancelOutcome.Free, CancellationRules.Decide(Start, matched: true, clock.GetUtcNow(), Policy));

        clock.Advance(TimeSpan.FromHours(25));
        Assert.Equal(CancelOutcome.Late, CancellationRules.Decide(Start, matched: true, clock.GetUtcNow(), Policy));
        Assert.Equal(CancelOutcome.Free, CancellationRules.Decide(Start, matched: false, clock.GetUtcNow(), Policy));

        clock.SetUtcNow(Start - Policy.CancelDeadline);
        Assert.Equal(CancelOutcome.TooLate, CancellationRules.Decide(Start, matched: false, clock.GetUtcNow(), Policy));
    }

    [Fact]
    public void The_room_opens_ten_minutes_before_the_start()
    {
        var clock = new ManualTimeProvider(Start.AddMinutes(-11));
        Assert.Equal(RoomTime.NotYetOpen, AttendanceRules.Room(Start, clock.GetUtcNow(), Policy));
        clock.AdvanceMinutes(1);
        Assert.Equal(RoomTime.Open, AttendanceRules.Room(Start, clock.GetUtcNow(), Policy));
    }

    [Fact]
    public void The_person_who_came_may_end_the_wait_ten_minutes_after_the_start()
    {
        var clock = new ManualTimeProvider(Start.AddMinutes(9));
        Assert.False(AttendanceRules.CanEndWait(true, false, Start, clock.GetUtcNow(), Policy));
        clock.AdvanceMinutes(1);
        Assert.True(AttendanceRules.CanEndWait(true, false, Start, clock.GetUtcNow(), Policy));
        Assert.False(AttendanceRules.CanEndWait(true, true, Start, clock.GetUtcNow(), Policy));
        Assert.False(AttendanceRules.CanEndWait(false, false, Start, clock.GetUtcNow(), Policy));
    }

    [Fact]
    public void Reliability_reads_came_to_n_of_m()
    {
        var outcomes = Enumerable.Repeat(new OutcomeEvent(BookingOutcome.Attended, Start), 9)
            .Append(new OutcomeEvent(BookingOutcome.NoShow, Start)).ToList();
        Assert.Equal("came to 9 of 10 booked sessions", Reliability.From(outcomes).Describe());
        Assert.Equal("no scheduled sessions yet", Reliability.From([]).Describe());
    }

    [Fact]
    public void Three_strikes_within_thirty_days_pause_booking_for_a_week_from_the_third()
    {
        var strikes = new[]
        {
            new OutcomeEvent(BookingOutcome.NoShow, Start.AddDays(-20)),
            new OutcomeEvent(BookingOutcome.Attended, Start.AddDays(-15)),
            new OutcomeEvent(BookingOutcome.LateCancel, Start.AddDays(-10)),
            new OutcomeEvent(BookingOutcome.NoShow, Start.AddDays(-1)),
        };
        var limit = BookingLimit.Decide(strikes, Start, Policy);
        Assert.Equal(Start.AddDays(6), limit.Until);
        Assert.True(limit.LimitedAt(Start));
        Assert.False(BookingLimit.Decide(strikes, Start.AddDays(6), Policy).LimitedAt(Start.AddDays(6)));
    }

    [Fact]
    public void Strikes_spread_over_more_than_thirty_days_do_not_limit()
    {
        var strikes = new[]
        {
            new OutcomeEvent(BookingOutcome.NoShow, Start.AddDays(-40)),
            new OutcomeEvent(BookingOutcome.LateCancel, Start.AddDays(-20)),
            new OutcomeEvent(BookingOutcome.NoShow, Start.AddDays(-1)),
        };
        Assert.Equal(BookingLimit.None, BookingLimit.Decide(strikes, Start, Policy));
    }

    [Fact]
    public void An_average_usefulness_needs_three_ratings()
    {
        Assert.Null(RatingRules.AverageUsefulness([5, 4], Policy));
        Assert.Equal(4.3, RatingRules.AverageUsefulness([5, 4, 4], Policy));
        Assert.False(RatingRules.IsValid(0));
        Assert.False(RatingRules.IsValid(6));
        Assert.True(RatingRules.IsValid(5));
    }
}
