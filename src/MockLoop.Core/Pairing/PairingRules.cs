namespace MockLoop.Core.Pairing;

/// <summary>
/// Who can be paired with whom, and who takes which seat. See docs/decisions/011-domain-pairing-rules.md.
/// </summary>
public static class PairingRules
{
    /// <summary>
    /// Pairs a waiting person with a newcomer, or returns null if they are not compatible: same rubric, roles that
    /// complement each other, and cases that agree (equal if both named one).
    /// </summary>
    public static PairingMatch? TryPair(QueueEntry waiting, QueueEntry newcomer, DateTimeOffset matchedAt)
    {
        ArgumentNullException.ThrowIfNull(waiting);
        ArgumentNullException.ThrowIfNull(newcomer);
        if (!string.Equals(waiting.RubricId, newcomer.RubricId, StringComparison.Ordinal))
        {
            return null;
        }

        if (!TryAgreeOnCase(waiting.CaseId, newcomer.CaseId, out var caseId))
        {
            return null;
        }

        var seats = AssignSeats(waiting, newcomer);
        return seats is var (candidate, interviewer)
            ? new PairingMatch(candidate, interviewer, waiting.RubricId, caseId, matchedAt)
            : null;
    }

    /// <summary>
    /// Decides the seats, or null when both want the same fixed role. With Either on both sides the person who waited
    /// longer interviews: the newcomer most likely came to practise, and roles swap next time anyway.
    /// </summary>
    public static (QueueEntry Candidate, QueueEntry Interviewer)? AssignSeats(QueueEntry waiting, QueueEntry newcomer) =>
        (waiting.Role, newcomer.Role) switch
        {
            (PairingRole.Candidate, PairingRole.Candidate) => null,
            (PairingRole.Interviewer, PairingRole.Interviewer) => null,
            (PairingRole.Candidate, _) => (waiting, newcomer),
            (PairingRole.Interviewer, _) => (newcomer, waiting),
            (PairingRole.Either, PairingRole.Candidate) => (newcomer, waiting),
            (PairingRole.Either, PairingRole.Interviewer) => (waiting, newcomer),
            (PairingRole.Either, PairingRole.Either) => (newcomer, waiting),
            _ => null,
        };

    private static bool TryAgreeOnCase(string? first, string? second, out string? agreed)
    {
        agreed = first ?? second;
        return first is null || second is null || string.Equals(first, second, StringComparison.Ordinal);
    }
}
