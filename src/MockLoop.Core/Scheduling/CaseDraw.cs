namespace MockLoop.Core.Scheduling;

/// <summary>
/// The spoiler rule for scheduled sessions: the candidate never gets a case they have done or whose interviewer
/// material they opened.
/// </summary>
public static class CaseDraw
{
    /// <summary>
    /// The case for a match: the one asked for if it is fresh for the candidate, otherwise one drawn from the rubric's
    /// fresh cases; null when the candidate has seen every case (the room then runs without one).
    /// </summary>
    public static string? Choose(string? asked, IReadOnlyList<string> rubricCases, IReadOnlySet<string> seenByCandidate, Random random)
    {
        ArgumentNullException.ThrowIfNull(rubricCases);
        ArgumentNullException.ThrowIfNull(seenByCandidate);
        ArgumentNullException.ThrowIfNull(random);
        if (asked is not null && rubricCases.Contains(asked) && !seenByCandidate.Contains(asked))
        {
            return asked;
        }
        var fresh = rubricCases.Where(c => !seenByCandidate.Contains(c)).ToList();
        return fresh.Count == 0 ? null : fresh[random.Next(fresh.Count)];
    }

    /// <summary>True when the candidate may be given this case.</summary>
    public static bool IsFresh(string caseId, IReadOnlySet<string> seenByCandidate) => !seenByCandidate.Contains(caseId);
}
