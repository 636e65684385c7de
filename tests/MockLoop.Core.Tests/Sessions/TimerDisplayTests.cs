using MockLoop.Core.Sessions;

namespace MockLoop.Core.Tests.Sessions;

public class TimerDisplayTests
{
    private static readonly DateTimeOffset ServerStart = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    private static TimerView Running(DateTimeOffset since, double usedBefore = 30, double elapsedBefore = 100) => new(
        TimerStatus.Running, 1, 2, "framing", "Framing", BudgetSeconds: 300, UsedSeconds: usedBefore, LeftSeconds: 300 - usedBefore,
        IsOverrun: false, TotalElapsedSeconds: elapsedBefore, TotalBudgetSeconds: 900, RunningSince: since,
        UsedBeforeSegmentSeconds: usedBefore, ElapsedBeforeSegmentSeconds: elapsedBefore, ServerNow: since,
        Steps: [new TimerStepView("clarify", "Clarify", 600, 70, false), new TimerStepView("framing", "Framing", 300, usedBefore, false)]);

    [Fact]
    public void A_running_step_counts_on_from_the_server_anchor_corrected_by_the_clock_offset()
    {
        // The local clock is 5 s behind the server's: 40 s of local time after the anchor means 45 s of server time.
        var localNow = ServerStart.AddSeconds(40);

        var display = TimerDisplay.At(Running(ServerStart), TimeSpan.FromSeconds(5), localNow);

        Assert.Equal(30 + 45, display.UsedSeconds);
        Assert.Equal(300 - 75, display.LeftSeconds);
        Assert.Equal(100 + 45, display.TotalSeconds);
        Assert.False(display.Overrun);
        Assert.Equal([70, 75], display.StepUsedSeconds);
    }

    [Fact]
    public void A_running_step_past_its_budget_is_an_overrun_with_negative_time_left()
    {
        var display = TimerDisplay.At(Running(ServerStart), TimeSpan.Zero, ServerStart.AddSeconds(290));

        Assert.True(display.Overrun);
        Assert.Equal(-20, display.LeftSeconds);
    }

    [Fact]
    public void A_paused_timer_shows_the_views_figures_whatever_the_time()
    {
        var paused = Running(ServerStart) with { Status = TimerStatus.Paused, RunningSince = null, UsedSeconds = 42, TotalElapsedSeconds = 150 };

        var display = TimerDisplay.At(paused, TimeSpan.Zero, ServerStart.AddHours(3));

        Assert.Equal(42, display.UsedSeconds);
        Assert.Equal(150, display.TotalSeconds);
    }

    [Fact]
    public void A_local_clock_before_the_anchor_never_counts_backwards()
    {
        var display = TimerDisplay.At(Running(ServerStart), TimeSpan.Zero, ServerStart.AddSeconds(-10));

        Assert.Equal(30, display.UsedSeconds);
    }

    [Theory]
    [InlineData(0, "0:00")]
    [InlineData(754, "12:34")]
    [InlineData(59.9, "0:59")]
    [InlineData(3725, "1:02:05")]
    [InlineData(-65, "-1:05")]
    public void Clock_formats_seconds_like_a_stopwatch(double seconds, string expected) =>
        Assert.Equal(expected, TimerDisplay.Clock(seconds));
}
