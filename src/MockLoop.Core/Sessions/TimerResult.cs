using System.Diagnostics.CodeAnalysis;

namespace MockLoop.Core.Sessions;

/// <summary>
/// The outcome of deciding a timer command: the event to persist and apply, or the reason it was refused.
/// Deciding never changes state; the live session applies the event only after it is durable.
/// </summary>
public sealed record TimerResult
{
    private TimerResult(TimerEvent? @event, TimerError? error)
    {
        Event = @event;
        Error = error;
    }

    public TimerEvent? Event { get; }

    public TimerError? Error { get; }

    [MemberNotNullWhen(true, nameof(Event))]
    public bool IsSuccess => Event is not null;

    [MemberNotNullWhen(true, nameof(Error))]
    public bool IsFailure => Error is not null;

    public static TimerResult Success(TimerEvent @event) => new(@event, null);

    public static TimerResult Failure(TimerError error) => new(null, error);
}
