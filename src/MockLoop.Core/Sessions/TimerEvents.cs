using System.Text.Json.Serialization;

namespace MockLoop.Core.Sessions;

/// <summary>
/// Something that happened to the step timer, stamped with the server's clock. Events carry everything needed to apply
/// them, so replaying the persisted log over <see cref="TimerState.NotStarted"/> rebuilds the exact same state.
/// Discriminators are prefixed with "timer" so they stay unique in a session log that also holds diagram events.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(TimerStarted), "timerStarted")]
[JsonDerivedType(typeof(TimerStepChanged), "timerStepChanged")]
[JsonDerivedType(typeof(TimerPaused), "timerPaused")]
[JsonDerivedType(typeof(TimerResumed), "timerResumed")]
[JsonDerivedType(typeof(TimerEnded), "timerEnded")]
public abstract record TimerEvent(DateTimeOffset At);

public sealed record TimerStarted(DateTimeOffset At) : TimerEvent(At);

/// <summary>
/// The interview moved to another step (next, previous, or a jump). The step id is stored next to the index so a
/// replay against a different step list fails loudly instead of silently attributing time to the wrong step.
/// </summary>
public sealed record TimerStepChanged(int FromIndex, int ToIndex, string ToStepId, DateTimeOffset At) : TimerEvent(At);

public sealed record TimerPaused(DateTimeOffset At) : TimerEvent(At);

public sealed record TimerResumed(DateTimeOffset At) : TimerEvent(At);

public sealed record TimerEnded(DateTimeOffset At) : TimerEvent(At);
