namespace MockLoop.Core.Pairing;

/// <summary>A person waiting in the lobby, with the time they joined so the lobby can show how long they have waited.</summary>
/// <remarks>
/// <see cref="AwaySince"/> is set while every lobby page of the person has lost its connection: they keep their place
/// and are counted, but nobody is paired with them until they are back (<see cref="PairingQueue.MarkAway"/>).
/// </remarks>
public sealed record QueueEntry(string UserId, PairingRole Role, string RubricId, string? CaseId, DateTimeOffset EnqueuedAt)
{
    public DateTimeOffset? AwaySince { get; init; }

    public bool IsAway => AwaySince is not null;

    public TimeSpan WaitedAt(DateTimeOffset now) => now > EnqueuedAt ? now - EnqueuedAt : TimeSpan.Zero;

    internal bool AsksFor(PairingRequest request) =>
        Role == request.Role
        && string.Equals(RubricId, request.RubricId, StringComparison.Ordinal)
        && string.Equals(CaseId, request.CaseId, StringComparison.Ordinal);
}
