namespace MockLoop.Core.Sessions;

/// <summary>Every way a timer command can be refused. Codes are stable API: the client may switch on them.</summary>
public static class TimerErrors
{
    public const string NotStartedCode = "timer.not_started";
    public const string AlreadyStartedCode = "timer.already_started";
    public const string EndedCode = "timer.ended";
    public const string LastStepCode = "timer.last_step";
    public const string FirstStepCode = "timer.first_step";
    public const string UnknownStepCode = "timer.unknown_step";
    public const string AlreadyOnStepCode = "timer.already_on_step";
    public const string AlreadyPausedCode = "timer.already_paused";
    public const string NotPausedCode = "timer.not_paused";
    public const string UnknownCommandCode = "timer.unknown_command";

    public static TimerError NotStarted { get; } =
        new(NotStartedCode, "The interview has not started yet; start it first.");

    public static TimerError AlreadyStarted { get; } =
        new(AlreadyStartedCode, "The interview has already started.");

    public static TimerError Ended { get; } =
        new(EndedCode, "The interview has ended; the timer can no longer change.");

    public static TimerError LastStep { get; } =
        new(LastStepCode, "This is the last step; use End to finish the interview.");

    public static TimerError FirstStep { get; } =
        new(FirstStepCode, "This is the first step; there is no earlier step to go back to.");

    public static TimerError AlreadyPaused { get; } =
        new(AlreadyPausedCode, "The timer is already paused.");

    public static TimerError NotPaused { get; } =
        new(NotPausedCode, "The timer is not paused, so there is nothing to resume.");

    public static TimerError UnknownCommand { get; } =
        new(UnknownCommandCode, "That is not a timer command.");

    public static TimerError UnknownStep(int index, int stepCount) =>
        new(UnknownStepCode, $"There is no step {index + 1}; this interview has steps 1 to {stepCount}.");

    public static TimerError AlreadyOnStep(int index) =>
        new(AlreadyOnStepCode, $"The interview is already on step {index + 1}.");
}
