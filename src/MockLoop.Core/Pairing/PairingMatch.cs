namespace MockLoop.Core.Pairing;

/// <summary>Two people paired for a session, with the seats already decided.</summary>
/// <param name="CaseId">The agreed case, or null when neither named one (the host then draws one at random).</param>
public sealed record PairingMatch(
    QueueEntry Candidate,
    QueueEntry Interviewer,
    string RubricId,
    string? CaseId,
    DateTimeOffset MatchedAt);
