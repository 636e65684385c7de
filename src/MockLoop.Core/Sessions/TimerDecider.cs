namespace MockLoop.Core.Sessions;

/// <summary>
/// Turns a timer command into an event or a refusal, given the current state and the server's clock.
/// It never changes state: the live session persists the event first and applies it after.
/// </summary>
public static class TimerDecider
{
    public static TimerResult Decide(TimerState state, TimerCommand command, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        // An event must never be dated before the previous one, even if the server clock stepped back.
        var at = state.LastEventAt is { } last && now < last ? last : now;

        if (state.Status == TimerStatus.Ended)
        {
            return TimerResult.Failure(TimerErrors.Ended);
        }

        if (command is StartTimer)
        {
            return state.Status == TimerStatus.NotStarted
                ? TimerResult.Success(new TimerStarted(at))
                : TimerResult.Failure(TimerErrors.AlreadyStarted);
        }

        if (state.Status == TimerStatus.NotStarted)
        {
            return TimerResult.Failure(command is null ? TimerErrors.UnknownCommand : TimerErrors.NotStarted);
        }

        var current = state.CurrentStepIndex;
        return command switch
        {
            NextStep => state.IsLastStep
                ? TimerResult.Failure(TimerErrors.LastStep)
                : ChangeStep(state, current + 1, at),
            PreviousStep => current == 0
                ? TimerResult.Failure(TimerErrors.FirstStep)
                : ChangeStep(state, current - 1, at),
            GoToStep go when go.StepIndex < 0 || go.StepIndex >= state.Steps.Length =>
                TimerResult.Failure(TimerErrors.UnknownStep(go.StepIndex, state.Steps.Length)),
            GoToStep go when go.StepIndex == current =>
                TimerResult.Failure(TimerErrors.AlreadyOnStep(current)),
            GoToStep go => ChangeStep(state, go.StepIndex, at),
            PauseTimer => state.Status == TimerStatus.Paused
                ? TimerResult.Failure(TimerErrors.AlreadyPaused)
                : TimerResult.Success(new TimerPaused(at)),
            ResumeTimer => state.Status == TimerStatus.Running
                ? TimerResult.Failure(TimerErrors.NotPaused)
                : TimerResult.Success(new TimerResumed(at)),
            EndTimer => TimerResult.Success(new TimerEnded(at)),
            _ => TimerResult.Failure(TimerErrors.UnknownCommand),
        };
    }

    private static TimerResult ChangeStep(TimerState state, int toIndex, DateTimeOffset at) =>
        TimerResult.Success(new TimerStepChanged(state.CurrentStepIndex, toIndex, state.Steps[toIndex].Id, at));
}
