using MockLoop.Core.Sessions;

namespace MockLoop.Core.Tests.Sessions;

public class TimerTransitionTests
{
    public static TheoryData<TimerCommand> EverythingButStart =>
        [new NextStep(), new PreviousStep(), new GoToStep(2), new PauseTimer(), new ResumeTimer(), new EndTimer()];

    public static TheoryData<TimerCommand> EveryCommand =>
        [new StartTimer(), new NextStep(), new PreviousStep(), new GoToStep(0), new PauseTimer(), new ResumeTimer(), new EndTimer()];

    [Theory]
    [MemberData(nameof(EverythingButStart))]
    public void Nothing_but_start_is_accepted_before_the_interview_starts(TimerCommand command)
    {
        new TimerTestKit().Refuse(command, TimerErrors.NotStartedCode);
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public void Nothing_is_accepted_after_the_interview_ends(TimerCommand command)
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());
        kit.Do(new EndTimer());

        kit.Refuse(command, TimerErrors.EndedCode);
    }

    [Fact]
    public void Starting_twice_is_refused()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());

        kit.Refuse(new StartTimer(), TimerErrors.AlreadyStartedCode);
    }

    [Fact]
    public void Next_on_the_last_step_says_to_use_end()
    {
        var kit = new TimerTestKit([new("a", "A", 5), new("b", "B", 5)]);
        kit.Do(new StartTimer());
        kit.Do(new NextStep());

        var error = kit.Refuse(new NextStep(), TimerErrors.LastStepCode);

        Assert.Contains("End", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Previous_on_the_first_step_is_refused()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());

        kit.Refuse(new PreviousStep(), TimerErrors.FirstStepCode);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(7)]
    [InlineData(int.MaxValue)]
    public void Going_to_a_step_that_does_not_exist_is_refused(int index)
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());

        kit.Refuse(new GoToStep(index), TimerErrors.UnknownStepCode);
    }

    [Fact]
    public void Going_to_the_current_step_is_refused()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());
        kit.Do(new NextStep());

        kit.Refuse(new GoToStep(1), TimerErrors.AlreadyOnStepCode);
    }

    [Fact]
    public void Pausing_a_paused_timer_is_refused()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());
        kit.Do(new PauseTimer());

        kit.Refuse(new PauseTimer(), TimerErrors.AlreadyPausedCode);
    }

    [Fact]
    public void Resuming_a_running_timer_is_refused()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());

        kit.Refuse(new ResumeTimer(), TimerErrors.NotPausedCode);
    }

    [Fact]
    public void A_null_command_is_refused_rather_than_thrown()
    {
        var kit = new TimerTestKit();
        kit.Do(new StartTimer());

        kit.Refuse(null!, TimerErrors.UnknownCommandCode);
    }

    [Fact]
    public void Applying_an_event_that_cannot_follow_the_state_throws_instead_of_guessing()
    {
        var steps = TimerTestKit.SevenSteps;
        var at = DateTimeOffset.UnixEpoch;
        var started = TimerState.Apply(TimerState.NotStarted(steps), new TimerStarted(at));

        Assert.Throws<InvalidOperationException>(() => TimerState.Apply(TimerState.NotStarted(steps), new TimerPaused(at)));
        Assert.Throws<InvalidOperationException>(() => TimerState.Apply(started, new TimerResumed(at)));
        Assert.Throws<InvalidOperationException>(() => TimerState.Apply(started, new TimerStepChanged(0, 1, "data", at)));
        Assert.Throws<InvalidOperationException>(() => TimerState.Apply(started, new TimerPaused(at.AddSeconds(-1))));
    }

    [Fact]
    public void Deciding_never_changes_the_state()
    {
        var kit = new TimerTestKit();
        var before = kit.Timer.State;

        var result = kit.Timer.Decide(new StartTimer());

        Assert.True(result.IsSuccess);
        Assert.Equal(before, kit.Timer.State);
        Assert.Equal(TimerStatus.NotStarted, kit.Timer.State.Status);
    }
}
