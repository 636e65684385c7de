using System.Diagnostics.CodeAnalysis;

namespace MockLoop.Core.Diagrams;

/// <summary>
/// The outcome of deciding a diagram op: the event to persist, broadcast and apply, or the reason it was rejected.
/// An accepted op may still change nothing (an edit to a deleted element); it is acked like any other.
/// </summary>
public sealed record DiagramResult
{
    private DiagramResult(DiagramEvent? @event, DiagramError? error)
    {
        Event = @event;
        Error = error;
    }

    public DiagramEvent? Event { get; }

    public DiagramError? Error { get; }

    [MemberNotNullWhen(true, nameof(Event))]
    public bool IsSuccess => Event is not null;

    [MemberNotNullWhen(true, nameof(Error))]
    public bool IsFailure => Error is not null;

    public static DiagramResult Success(DiagramEvent @event) => new(@event, null);

    public static DiagramResult Failure(DiagramError error) => new(null, error);
}
