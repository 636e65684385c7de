namespace MockLoop.Core.Sessions;

/// <summary>The timer's whole state as plain data, for session snapshots in the log.</summary>
public sealed record TimerSnapshot(
    IReadOnlyList<TimerStep> Steps, IReadOnlyList<StepClock> Clocks, TimerStatus Status, int CurrentStepIndex,
    DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, DateTimeOffset? RunningSince, DateTimeOffset? PausedSince,
    TimeSpan PausedTotal, DateTimeOffset? LastEventAt);

public sealed partial record TimerState
{
    public TimerSnapshot ToSnapshot() =>
        new([.. Steps], [.. Clocks], Status, CurrentStepIndex, StartedAt, EndedAt, RunningSince, PausedSince, PausedTotal, LastEventAt);

    /// <summary>The state a snapshot describes, checked against the steps the session runs on.</summary>
    public static TimerState FromSnapshot(TimerSnapshot snapshot, IEnumerable<TimerStep> steps)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var start = NotStarted(steps);
        if (!start.Steps.SequenceEqual(snapshot.Steps) || snapshot.Clocks.Count != start.Steps.Length
            || snapshot.CurrentStepIndex < 0 || snapshot.CurrentStepIndex >= start.Steps.Length)
        {
            throw new ArgumentException("The timer snapshot was taken on other steps.", nameof(snapshot));
        }
        return start with
        {
            Clocks = [.. snapshot.Clocks],
            Status = snapshot.Status,
            CurrentStepIndex = snapshot.CurrentStepIndex,
            StartedAt = snapshot.StartedAt,
            EndedAt = snapshot.EndedAt,
            RunningSince = snapshot.RunningSince,
            PausedSince = snapshot.PausedSince,
            PausedTotal = snapshot.PausedTotal,
            LastEventAt = snapshot.LastEventAt,
        };
    }
}
