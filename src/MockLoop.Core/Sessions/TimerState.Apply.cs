namespace MockLoop.Core.Sessions;

public sealed partial record TimerState
{
    /// <summary>
    /// Applies an event that <see cref="TimerDecider"/> produced. This is a pure function of its inputs. An event that
    /// cannot follow the state means the log is corrupt or belongs to other steps, so it throws rather than guessing.
    /// </summary>
    public static TimerState Apply(TimerState state, TimerEvent @event)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(@event);
        if (state.LastEventAt is { } last && @event.At < last)
        {
            throw Corrupt(@event, $"it is dated {@event.At:O}, before the previous event at {last:O}");
        }

        var next = @event switch
        {
            TimerStarted e => state.ApplyStarted(e),
            TimerStepChanged e => state.ApplyStepChanged(e),
            TimerPaused e => state.ApplyPaused(e),
            TimerResumed e => state.ApplyResumed(e),
            TimerEnded e => state.ApplyEnded(e),
            _ => throw Corrupt(@event, "the timer does not know this event"),
        };
        return next with { LastEventAt = @event.At };
    }

    private TimerState ApplyStarted(TimerStarted e)
    {
        Require(Status == TimerStatus.NotStarted, e, "the timer has already started");
        return (this with { Status = TimerStatus.Running, StartedAt = e.At, CurrentStepIndex = 0 }).OpenSegment(e.At);
    }

    private TimerState ApplyStepChanged(TimerStepChanged e)
    {
        Require(Status is TimerStatus.Running or TimerStatus.Paused, e, $"the timer is {Status}");
        Require(e.FromIndex == CurrentStepIndex, e, $"the current step is {CurrentStepIndex}, not {e.FromIndex}");
        Require(e.ToIndex >= 0 && e.ToIndex < Steps.Length && e.ToIndex != CurrentStepIndex, e, "the target step is invalid");
        Require(Steps[e.ToIndex].Id == e.ToStepId, e, $"step {e.ToIndex} is '{Steps[e.ToIndex].Id}', not '{e.ToStepId}'");

        var moved = CloseSegment(e.At).MarkCurrentStepLeft(e.At) with { CurrentStepIndex = e.ToIndex };
        // While paused the new step's clock waits for Resume; it must not start counting paused time.
        return Status == TimerStatus.Running ? moved.OpenSegment(e.At) : moved;
    }

    private TimerState ApplyPaused(TimerPaused e)
    {
        Require(Status == TimerStatus.Running, e, $"the timer is {Status}");
        return CloseSegment(e.At) with { Status = TimerStatus.Paused, PausedSince = e.At };
    }

    private TimerState ApplyResumed(TimerResumed e)
    {
        Require(Status == TimerStatus.Paused && PausedSince is not null, e, $"the timer is {Status}");
        var resumed = this with
        {
            Status = TimerStatus.Running,
            PausedTotal = PausedTotal + (e.At - PausedSince!.Value),
            PausedSince = null,
        };
        return resumed.OpenSegment(e.At);
    }

    private TimerState ApplyEnded(TimerEnded e)
    {
        Require(Status is TimerStatus.Running or TimerStatus.Paused, e, $"the timer is {Status}");
        var closed = CloseSegment(e.At);
        // Ending while paused folds the open pause into PausedTotal, so total elapsed stays end - start - paused.
        if (closed.PausedSince is { } pausedSince)
        {
            closed = closed with { PausedTotal = closed.PausedTotal + (e.At - pausedSince), PausedSince = null };
        }

        return closed.MarkCurrentStepLeft(e.At) with { Status = TimerStatus.Ended, EndedAt = e.At };
    }

    private TimerState OpenSegment(DateTimeOffset at)
    {
        var clock = CurrentClock;
        return this with
        {
            RunningSince = at,
            Clocks = Clocks.SetItem(CurrentStepIndex, clock with { FirstStartedAt = clock.FirstStartedAt ?? at }),
        };
    }

    private TimerState CloseSegment(DateTimeOffset at)
    {
        if (RunningSince is not { } since)
        {
            return this;
        }

        var clock = CurrentClock;
        return this with
        {
            RunningSince = null,
            Clocks = Clocks.SetItem(CurrentStepIndex, clock with { Used = clock.Used + (at - since) }),
        };
    }

    // A step that never ran (jumped over while paused) has no start, so it gets no end either.
    private TimerState MarkCurrentStepLeft(DateTimeOffset at)
    {
        var clock = CurrentClock;
        return clock.FirstStartedAt is null
            ? this
            : this with { Clocks = Clocks.SetItem(CurrentStepIndex, clock with { LastEndedAt = at }) };
    }

    private static void Require(bool condition, TimerEvent e, string reason)
    {
        if (!condition)
        {
            throw Corrupt(e, reason);
        }
    }

    private static InvalidOperationException Corrupt(TimerEvent e, string reason) =>
        new($"Cannot apply {e.GetType().Name} at {e.At:O}: {reason}. The timer log does not match its steps.");
}
