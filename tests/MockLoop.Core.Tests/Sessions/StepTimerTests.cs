using MockLoop.Core.Sessions;

namespace MockLoop.Core.Tests.Sessions;

public class StepTimerTests
{
    [Fact]
    public void A_new_timer_shows_the_first_step_with_its_full_budget_and_no_anchor()
    {
        var kit = new TimerTestKit();
        kit.Minutes(3);

        var view = kit.View;

        Assert.Equal(TimerStatus.NotStarted, view.Status);
        Assert.Equal(0, view.CurrentStepIndex);
        Assert.Equal("clarify", view.CurrentStepId);
        Assert.Equal(300, view.BudgetSeconds);
        Assert.Equal(0, view.UsedSeconds);
        Assert.Equal(300, view.LeftSeconds);
        Assert.Equal(0, view.TotalElapsedSeconds);
        Assert.Null(view.RunningSince);
        Assert.Equal(45 * 60, view.TotalBudgetSeconds);
        Assert.Equal(7, view.StepCount);
        Assert.Equal(7, view.Steps.Count);
    }

    [Fact]
    public void A_running_step_counts_down_its_budget()
    {
        var kit = new TimerTestKit();
        var started = kit.Do(new StartTimer());
        kit.Minutes(2);

        var view = kit.View;

        Assert.Equal(TimerStatus.Running, view.Status);
        Assert.Equal(120, view.UsedSeconds);
        Assert.Equal(180, view.LeftSeconds);
        Assert.False(view.IsOverrun);
        Assert.Equal(120, view.TotalElapsedSeconds);
        Assert.Equal(started.At, view.RunningSince);
        Assert.Equal(0, view.UsedBeforeSegmentSeconds);
        Assert.Equal(0, view.ElapsedBeforeSegmentSeconds);
        Assert.Equal(kit.Clock.GetUtcNow(), view.ServerNow);
    }

    [Fact]
    public void Each_step_gets_its_own_budget_from_the_rubric()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());
        kit.Minutes(4);
        kit.Do(new NextStep());
        kit.Do(new NextStep());
        kit.Minutes(1);

        var view = kit.View;

        Assert.Equal("data", view.CurrentStepId);
        Assert.Equal("Data and features", view.CurrentStepTitle);
        Assert.Equal(8 * 60, view.BudgetSeconds);
        Assert.Equal(60, view.UsedSeconds);
        Assert.Equal(7 * 60, view.LeftSeconds);
        Assert.Equal(300, view.TotalElapsedSeconds);
    }

    [Fact]
    public void A_step_past_its_budget_is_overrun_with_negative_time_left()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());
        kit.Minutes(5);
        Assert.False(kit.View.IsOverrun);

        kit.Clock.AdvanceSeconds(90);
        var view = kit.View;

        Assert.True(view.IsOverrun);
        Assert.Equal(-90, view.LeftSeconds);
        Assert.Equal(390, view.UsedSeconds);
        Assert.True(view.Steps[0].IsOverrun);
    }

    [Fact]
    public void Paused_time_counts_neither_for_the_step_nor_for_the_total()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());
        kit.Minutes(2);
        kit.Do(new PauseTimer());
        kit.Minutes(10);

        var paused = kit.View;
        Assert.Equal(TimerStatus.Paused, paused.Status);
        Assert.Equal(120, paused.UsedSeconds);
        Assert.Equal(120, paused.TotalElapsedSeconds);
        Assert.Null(paused.RunningSince);

        kit.Do(new ResumeTimer());
        kit.Minutes(1);

        var resumed = kit.View;
        Assert.Equal(180, resumed.UsedSeconds);
        Assert.Equal(180, resumed.TotalElapsedSeconds);
        Assert.Equal(120, resumed.UsedBeforeSegmentSeconds);
        Assert.Equal(120, resumed.ElapsedBeforeSegmentSeconds);
    }

    [Fact]
    public void Going_back_resumes_the_earlier_steps_clock_where_it_stopped()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());
        kit.Minutes(3);
        kit.Do(new NextStep());
        kit.Minutes(4);
        kit.Do(new PreviousStep());
        kit.Minutes(2);

        var view = kit.View;
        Assert.Equal("clarify", view.CurrentStepId);
        Assert.Equal(300, view.UsedSeconds);
        Assert.Equal(0, view.LeftSeconds);
        Assert.Equal(180, view.UsedBeforeSegmentSeconds);
        Assert.Equal(420, view.ElapsedBeforeSegmentSeconds);
        Assert.Equal(540, view.TotalElapsedSeconds);
        Assert.Equal(240, view.Steps[1].UsedSeconds);
    }

    [Fact]
    public void Going_to_any_step_jumps_there_and_its_clock_accumulates()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());
        kit.Minutes(1);
        kit.Do(new GoToStep(4));
        kit.Minutes(2);
        kit.Do(new GoToStep(1));
        kit.Minutes(3);
        kit.Do(new GoToStep(4));
        kit.Minutes(4);

        var view = kit.View;
        Assert.Equal("evaluation", view.CurrentStepId);
        Assert.Equal(360, view.UsedSeconds);
        Assert.Equal(new double[] { 60, 180, 0, 0, 360, 0, 0 }, view.Steps.Select(s => s.UsedSeconds));
    }

    [Fact]
    public void Ending_closes_the_running_step_and_freezes_every_clock()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());
        kit.Minutes(3);
        kit.Do(new NextStep());
        kit.Minutes(4);
        var ended = kit.Do(new EndTimer());
        kit.Minutes(30);

        var view = kit.View;
        Assert.Equal(TimerStatus.Ended, view.Status);
        Assert.Null(view.RunningSince);
        Assert.Equal(240, view.UsedSeconds);
        Assert.Equal(420, view.TotalElapsedSeconds);
        Assert.Equal(ended.At, kit.Timer.State.EndedAt);

        var timings = kit.Timer.StepTimings();
        Assert.Equal(new StepTiming("frame", ended.At.AddMinutes(-4), ended.At, 240), timings[1]);
    }

    [Fact]
    public void Ending_while_paused_does_not_count_the_pause()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());
        kit.Minutes(3);
        kit.Do(new PauseTimer());
        kit.Minutes(20);
        kit.Do(new EndTimer());

        var view = kit.View;
        Assert.Equal(180, view.TotalElapsedSeconds);
        Assert.Equal(180, view.UsedSeconds);
        Assert.Equal(TimeSpan.FromMinutes(20), kit.Timer.State.PausedTotal);
        Assert.Null(kit.Timer.State.PausedSince);
    }

    [Fact]
    public void Step_timings_give_each_steps_actual_start_end_and_used_seconds()
    {
        var kit = new TimerTestKit();
        var start = kit.Clock.GetUtcNow();
        kit.Do(new StartTimer());
        kit.Minutes(5);
        kit.Do(new NextStep());
        kit.Minutes(2);
        kit.Do(new PauseTimer());
        kit.Minutes(10);
        kit.Do(new ResumeTimer());
        kit.Minutes(3);
        kit.Do(new PreviousStep());
        kit.Minutes(1);
        kit.Do(new GoToStep(2));
        kit.Minutes(6);

        var live = kit.Timer.StepTimings();
        Assert.Equal(7, live.Count);
        Assert.Equal(new StepTiming("clarify", start, start.AddMinutes(21), 360), live[0]);
        Assert.Equal(new StepTiming("frame", start.AddMinutes(5), start.AddMinutes(20), 300), live[1]);
        // The current step of a running interview has a start but no end yet.
        Assert.Equal(new StepTiming("data", start.AddMinutes(21), null, 360), live[2]);
        Assert.Equal(new StepTiming("model", null, null, 0), live[3]);

        kit.Do(new EndTimer());
        var final = kit.Timer.StepTimings();
        Assert.Equal(new StepTiming("data", start.AddMinutes(21), start.AddMinutes(27), 360), final[2]);
        Assert.Equal(kit.View.TotalElapsedSeconds, final.Sum(t => t.UsedSeconds));
    }

    [Fact]
    public void Changing_step_while_paused_waits_for_resume_before_the_new_step_counts()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());
        kit.Minutes(2);
        kit.Do(new PauseTimer());
        kit.Minutes(1);
        kit.Do(new NextStep());
        kit.Minutes(1);
        kit.Do(new NextStep());
        kit.Minutes(5);

        var paused = kit.View;
        Assert.Equal(TimerStatus.Paused, paused.Status);
        Assert.Equal("data", paused.CurrentStepId);
        Assert.Equal(0, paused.UsedSeconds);
        Assert.Equal(120, paused.TotalElapsedSeconds);

        var resumedAt = kit.Do(new ResumeTimer()).At;
        kit.Minutes(1);

        Assert.Equal(60, kit.View.UsedSeconds);
        var timings = kit.Timer.StepTimings();
        // "frame" was passed over while paused: it never ran, so it has neither start nor end.
        Assert.Equal(new StepTiming("frame", null, null, 0), timings[1]);
        Assert.Equal(resumedAt, timings[2].StartedAt);
    }

    [Fact]
    public void The_used_times_of_all_steps_add_up_to_the_total_elapsed()
    {
        var kit = new TimerTestKit();
        var random = new Random(7);
        kit.Do(new StartTimer());
        for (var i = 0; i < 200; i++)
        {
            kit.Clock.AdvanceSeconds(random.Next(0, 400));
            TimerCommand command = random.Next(5) switch
            {
                0 => new NextStep(),
                1 => new PreviousStep(),
                2 => new GoToStep(random.Next(7)),
                3 => new PauseTimer(),
                _ => new ResumeTimer(),
            };
            var result = kit.Timer.Decide(command);
            if (result.IsSuccess)
            {
                kit.Timer.Apply(result.Event);
            }

            var view = kit.View;
            Assert.Equal(view.TotalElapsedSeconds, view.Steps.Sum(s => s.UsedSeconds), precision: 6);
        }
    }

    [Fact]
    public void A_browser_counting_from_the_anchors_agrees_with_the_server()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());
        kit.Minutes(3);
        kit.Do(new NextStep());
        kit.Minutes(1);
        kit.Do(new PreviousStep());
        var snapshot = kit.View;

        kit.Clock.AdvanceSeconds(47);
        var later = kit.View;
        var sinceSegment = (later.ServerNow - snapshot.RunningSince!.Value).TotalSeconds;

        Assert.Equal(later.UsedSeconds, snapshot.UsedBeforeSegmentSeconds + sinceSegment);
        Assert.Equal(later.TotalElapsedSeconds, snapshot.ElapsedBeforeSegmentSeconds + sinceSegment);
    }

    [Fact]
    public void Replaying_the_recorded_events_gives_exactly_the_same_state()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());
        kit.Minutes(4);
        kit.Do(new NextStep());
        kit.Minutes(2);
        kit.Do(new PauseTimer());
        kit.Minutes(7);
        kit.Do(new GoToStep(0));
        kit.Do(new ResumeTimer());
        kit.Minutes(1);
        kit.Do(new GoToStep(3));
        kit.Minutes(9);

        var replayed = StepTimer.Replay(kit.Steps, kit.Log, kit.Clock);
        Assert.Equal(kit.Timer.State, replayed.State);
        var expected = kit.View;
        var actual = replayed.View();
        Assert.Equal(expected, actual with { Steps = expected.Steps });
        Assert.Equal(expected.Steps, actual.Steps);

        kit.Do(new EndTimer());
        Assert.Equal(kit.Timer.State, TimerState.Replay(kit.Steps, kit.Log));
    }

    [Fact]
    public void Replaying_events_that_went_through_json_gives_the_same_state()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());
        kit.Clock.Advance(TimeSpan.FromTicks(1234567));
        kit.Do(new NextStep());
        kit.Minutes(2);
        kit.Do(new PauseTimer());
        kit.Minutes(1);
        kit.Do(new ResumeTimer());
        kit.Do(new EndTimer());

        var fromJson = kit.Log.Select(TimerJson.Serialize).Select(TimerJson.Deserialize).ToList();

        Assert.Equal(kit.Log, fromJson);
        Assert.Equal(kit.Timer.State, TimerState.Replay(kit.Steps, fromJson));
    }

    [Fact]
    public void A_server_clock_that_steps_back_never_makes_time_run_backwards()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());
        kit.Minutes(5);
        var paused = kit.Do(new PauseTimer());
        kit.Clock.SetUtcNow(paused.At.AddMinutes(-2));

        var resumed = kit.Do(new ResumeTimer());

        Assert.Equal(paused.At, resumed.At);
        Assert.Equal(300, kit.View.UsedSeconds);
        Assert.Equal(300, kit.View.TotalElapsedSeconds);
    }

    [Fact]
    public void A_timer_needs_steps_with_unique_ids_and_positive_budgets()
    {
        Assert.Throws<ArgumentException>(() => TimerState.NotStarted([]));
        Assert.Throws<ArgumentException>(() => TimerState.NotStarted([new("a", "A", 5), new("a", "B", 5)]));
        Assert.Throws<ArgumentException>(() => TimerState.NotStarted([new("a", "A", 0)]));
        Assert.Throws<ArgumentException>(() => TimerState.NotStarted([new(" ", "A", 5)]));
    }
}
