namespace MockLoop.Core.Sessions;

/// <summary>
/// What one step's clock has accumulated from closed segments. The open segment (if the step is running) is not in
/// <see cref="Used"/>; it lives in <see cref="TimerState.RunningSince"/> so state never depends on "now".
/// </summary>
/// <param name="FirstStartedAt">When the step's clock first ran; null if it never did (a skipped step).</param>
/// <param name="LastEndedAt">When the interview last moved away from this step (or ended on it).</param>
public sealed record StepClock(string StepId, TimeSpan Used, DateTimeOffset? FirstStartedAt, DateTimeOffset? LastEndedAt);
