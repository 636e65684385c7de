namespace MockLoop.Core.Sessions;

/// <summary>
/// The timer as the room displays it. Durations are seconds (plain numbers in JSON). To count smoothly
/// without a message per second, a browser computes, while <see cref="RunningSince"/> is set:
/// used = <see cref="UsedBeforeSegmentSeconds"/> + (serverNow - RunningSince) and
/// total = <see cref="ElapsedBeforeSegmentSeconds"/> + (serverNow - RunningSince), where serverNow is its own clock
/// corrected by the offset it saw between <see cref="ServerNow"/> and its local time when this view arrived.
/// </summary>
/// <param name="LeftSeconds">Budget minus used; negative once the step overruns.</param>
/// <param name="TotalElapsedSeconds">Wall time since the start minus paused time.</param>
/// <param name="RunningSince">Server time the current step's open segment began; null unless running.</param>
/// <param name="UsedBeforeSegmentSeconds">Current step's used time before the open segment.</param>
/// <param name="ElapsedBeforeSegmentSeconds">Total elapsed when the open segment began (or now, if not running).</param>
public sealed record TimerView(
    TimerStatus Status,
    int CurrentStepIndex,
    int StepCount,
    string CurrentStepId,
    string CurrentStepTitle,
    double BudgetSeconds,
    double UsedSeconds,
    double LeftSeconds,
    bool IsOverrun,
    double TotalElapsedSeconds,
    double TotalBudgetSeconds,
    DateTimeOffset? RunningSince,
    double UsedBeforeSegmentSeconds,
    double ElapsedBeforeSegmentSeconds,
    DateTimeOffset ServerNow,
    IReadOnlyList<TimerStepView> Steps);

/// <summary>One step in the room's step list: how much of its budget it has used.</summary>
public sealed record TimerStepView(string Id, string Title, double BudgetSeconds, double UsedSeconds, bool IsOverrun);
