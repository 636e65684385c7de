namespace MockLoop.Core.Sessions;

/// <summary>
/// The step timer with its clock: a thin holder around the pure <see cref="TimerDecider"/> and
/// <see cref="TimerState.Apply(TimerState, TimerEvent)"/>. Deciding and applying are separate calls on purpose:
/// the live session writes the event to the database in between, and applies it only once it is durable.
/// Not thread-safe; the live session is the single writer.
/// </summary>
public sealed class StepTimer
{
    private readonly TimeProvider time;

    public StepTimer(IEnumerable<TimerStep> steps, TimeProvider time)
        : this(TimerState.NotStarted(steps), time)
    {
    }

    private StepTimer(TimerState state, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        this.time = time;
        State = state;
    }

    public TimerState State { get; private set; }

    /// <summary>Rebuilds a timer after a restart from its persisted events.</summary>
    public static StepTimer Replay(IEnumerable<TimerStep> steps, IEnumerable<TimerEvent> events, TimeProvider time) =>
        new(TimerState.Replay(steps, events), time);

    public TimerResult Decide(TimerCommand command) => TimerDecider.Decide(State, command, time.GetUtcNow());

    public void Apply(TimerEvent @event) => State = TimerState.Apply(State, @event);

    public TimerView View() => State.View(time.GetUtcNow());

    public IReadOnlyList<StepTiming> StepTimings() => State.StepTimings(time.GetUtcNow());
}
