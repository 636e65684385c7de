namespace MockLoop.Core.Sessions;

public sealed partial record TimerState
{
    /// <summary>Time used on a step so far, including the open segment if that step is running.</summary>
    public TimeSpan UsedOn(int stepIndex, DateTimeOffset now)
    {
        var used = Clocks[stepIndex].Used;
        return stepIndex == CurrentStepIndex && RunningSince is { } since ? used + (Clamp(now) - since) : used;
    }

    /// <summary>Wall time since the start minus time paused; frozen at the end.</summary>
    public TimeSpan TotalElapsed(DateTimeOffset now)
    {
        if (StartedAt is not { } startedAt)
        {
            return TimeSpan.Zero;
        }

        var until = EndedAt ?? Clamp(now);
        var paused = PausedTotal + (PausedSince is { } pausedSince ? until - pausedSince : TimeSpan.Zero);
        return until - startedAt - paused;
    }

    /// <summary>What the room shows, plus the anchors a browser needs to keep counting on its own between events.</summary>
    public TimerView View(DateTimeOffset now)
    {
        now = Clamp(now);
        var step = CurrentStep;
        var used = UsedOn(CurrentStepIndex, now);
        var left = step.Budget - used;
        var elapsedBeforeSegment = RunningSince is { } since ? TotalElapsed(since) : TotalElapsed(now);
        return new TimerView(
            Status,
            CurrentStepIndex,
            Steps.Length,
            step.Id,
            step.Title,
            step.Budget.TotalSeconds,
            used.TotalSeconds,
            left.TotalSeconds,
            IsOverrun: used > step.Budget,
            TotalElapsed(now).TotalSeconds,
            Steps.Sum(s => s.Budget.TotalSeconds),
            RunningSince,
            UsedBeforeSegmentSeconds: CurrentClock.Used.TotalSeconds,
            ElapsedBeforeSegmentSeconds: elapsedBeforeSegment.TotalSeconds,
            ServerNow: now,
            Steps.Select((s, i) => StepView(i, now)).ToList());
    }

    /// <summary>
    /// Each step's actual start, end and used time, for storage with the session. The current step of a live
    /// interview has no end yet; a step that never ran has neither start nor end.
    /// </summary>
    public IReadOnlyList<StepTiming> StepTimings(DateTimeOffset now) =>
        Steps.Select((step, i) =>
        {
            var clock = Clocks[i];
            var isOpen = i == CurrentStepIndex && Status is TimerStatus.Running or TimerStatus.Paused;
            return new StepTiming(
                step.Id,
                clock.FirstStartedAt,
                isOpen ? null : clock.LastEndedAt,
                UsedOn(i, now).TotalSeconds);
        }).ToList();

    private TimerStepView StepView(int index, DateTimeOffset now)
    {
        var step = Steps[index];
        var used = UsedOn(index, now);
        return new TimerStepView(step.Id, step.Title, step.Budget.TotalSeconds, used.TotalSeconds, used > step.Budget);
    }

    // Server clocks can step backwards (NTP); never report time before what the log already recorded.
    private DateTimeOffset Clamp(DateTimeOffset now) => LastEventAt is { } last && now < last ? last : now;
}
