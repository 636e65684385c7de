using System.Collections.Immutable;

namespace MockLoop.Core.Sessions;

/// <summary>
/// The step timer of one live session. It only changes by <see cref="Apply(TimerState, TimerEvent)"/>, and it never
/// stores "now": the running segment is kept as an anchor (<see cref="RunningSince"/>) and queries take the time.
/// </summary>
/// <remarks>
/// Time accounting (see docs/decisions/010-domain-step-timer-time.md): total elapsed is wall time since the start minus
/// time spent paused; a step's used time is the sum of its running segments, so going back to a step resumes its clock
/// and the used times of all steps add up to the total elapsed.
/// </remarks>
public sealed partial record TimerState
{
    private TimerState(ImmutableArray<TimerStep> steps, ImmutableArray<StepClock> clocks)
    {
        Steps = steps;
        Clocks = clocks;
    }

    public ImmutableArray<TimerStep> Steps { get; }

    /// <summary>One clock per step, in step order.</summary>
    public ImmutableArray<StepClock> Clocks { get; private init; }

    public TimerStatus Status { get; private init; }

    public int CurrentStepIndex { get; private init; }

    public DateTimeOffset? StartedAt { get; private init; }

    public DateTimeOffset? EndedAt { get; private init; }

    /// <summary>Start of the open segment on the current step; set exactly when the timer is running.</summary>
    public DateTimeOffset? RunningSince { get; private init; }

    /// <summary>When the current pause began; set exactly when the timer is paused.</summary>
    public DateTimeOffset? PausedSince { get; private init; }

    /// <summary>Sum of all finished pauses.</summary>
    public TimeSpan PausedTotal { get; private init; }

    /// <summary>The latest event time; later events and queries never go before it, so durations cannot turn negative.</summary>
    public DateTimeOffset? LastEventAt { get; private init; }

    public TimerStep CurrentStep => Steps[CurrentStepIndex];

    public StepClock CurrentClock => Clocks[CurrentStepIndex];

    public bool IsLastStep => CurrentStepIndex == Steps.Length - 1;

    /// <summary>The state before anything happened. Steps come from the session's rubric and never change afterwards.</summary>
    public static TimerState NotStarted(IEnumerable<TimerStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var list = steps.ToImmutableArray();
        if (list.IsEmpty)
        {
            throw new ArgumentException("A timer needs at least one step.", nameof(steps));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in list)
        {
            if (step is null || string.IsNullOrWhiteSpace(step.Id))
            {
                throw new ArgumentException("Every step needs a non-empty id.", nameof(steps));
            }

            if (!seen.Add(step.Id))
            {
                throw new ArgumentException($"Step id '{step.Id}' appears more than once.", nameof(steps));
            }

            if (step.BudgetMinutes <= 0)
            {
                throw new ArgumentException($"Step '{step.Id}' needs a positive budget in minutes.", nameof(steps));
            }
        }

        var clocks = list.Select(s => new StepClock(s.Id, TimeSpan.Zero, null, null)).ToImmutableArray();
        return new TimerState(list, clocks) { Status = TimerStatus.NotStarted };
    }

    /// <summary>Rebuilds the state from the persisted log; the same events always give the same state.</summary>
    public static TimerState Replay(IEnumerable<TimerStep> steps, IEnumerable<TimerEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Aggregate(NotStarted(steps), Apply);
    }

    // ImmutableArray compares by reference, so the synthesized record equality would call two replays different.
    public bool Equals(TimerState? other) =>
        other is not null
        && Status == other.Status
        && CurrentStepIndex == other.CurrentStepIndex
        && StartedAt == other.StartedAt
        && EndedAt == other.EndedAt
        && RunningSince == other.RunningSince
        && PausedSince == other.PausedSince
        && PausedTotal == other.PausedTotal
        && LastEventAt == other.LastEventAt
        && Steps.SequenceEqual(other.Steps)
        && Clocks.SequenceEqual(other.Clocks);

    public override int GetHashCode() =>
        HashCode.Combine(Status, CurrentStepIndex, StartedAt, EndedAt, RunningSince, PausedSince, PausedTotal, LastEventAt);
}
