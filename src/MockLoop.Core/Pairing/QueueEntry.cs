namespace MockLoop.Core.Pairing;

/// <summary>A person waiting in the lobby, with the time they joined so the lobby can show how long they have waited.</summary>
public sealed record QueueEntry(string UserId, PairingRole Role, string RubricId, string? CaseId, DateTimeOffset EnqueuedAt)
{
    public TimeSpan WaitedAt(DateTimeOffset now) => now > EnqueuedAt ? now - EnqueuedAt : TimeSpan.Zero;

    internal bool AsksFor(PairingRequest request) =>
        Role == request.Role
        && string.Equals(RubricId, request.RubricId, StringComparison.Ordinal)
        && string.Equals(CaseId, request.CaseId, StringComparison.Ordinal);
}
