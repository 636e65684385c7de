namespace MockLoop.Core.Pairing;

/// <summary>
/// The lobby queue: people wait here until a compatible partner arrives, first come, first served.
/// Pure and not thread-safe: the host serialises every call (one lobby actor or a lock).
/// </summary>
public sealed class PairingQueue(TimeProvider time)
{
    // In arrival order; arrival order, not the timestamp, decides who is first, so equal timestamps cannot tie.
    private readonly List<QueueEntry> waiting = [];

    public int Count => waiting.Count;

    /// <summary>Everyone waiting, longest-waiting first.</summary>
    public IReadOnlyList<QueueEntry> Waiting => waiting;

    /// <summary>
    /// Joins the queue. If a compatible person is already waiting, the one who has waited longest is taken out of the
    /// queue and paired with the newcomer (who never enters it); otherwise the newcomer waits and null is returned.
    /// A user is in the queue at most once: asking again with the same wishes keeps their place (a reconnecting
    /// browser may resend), asking with different wishes replaces the old entry and goes to the back.
    /// With <paramref name="atHead"/> (someone whose scheduled partner did not come) an unmatched newcomer waits at
    /// the head of the queue instead of the back.
    /// </summary>
    public PairingMatch? Enqueue(PairingRequest request, bool atHead = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var normalized = Validate(request);
        var now = time.GetUtcNow();

        var existing = waiting.FindIndex(e => e.UserId == normalized.UserId);
        if (existing >= 0)
        {
            if (waiting[existing].AsksFor(normalized))
            {
                return null;
            }

            waiting.RemoveAt(existing);
        }

        var newcomer = new QueueEntry(normalized.UserId, normalized.Role, normalized.RubricId, normalized.CaseId, now);
        for (var i = 0; i < waiting.Count; i++)
        {
            if (PairingRules.TryPair(waiting[i], newcomer, now) is { } match)
            {
                waiting.RemoveAt(i);
                return match;
            }
        }

        if (atHead)
        {
            waiting.Insert(0, newcomer);
        }
        else
        {
            waiting.Add(newcomer);
        }
        return null;
    }

    /// <summary>Leaves the queue; returns false if the user was not waiting.</summary>
    public bool Remove(string userId) => waiting.RemoveAll(e => e.UserId == userId) > 0;

    public QueueEntry? Find(string userId) => waiting.Find(e => e.UserId == userId);

    /// <summary>How many wait for each role, over all rubrics or for one.</summary>
    public WaitingCounts Counts(string? rubricId = null)
    {
        var relevant = rubricId is null ? waiting : waiting.Where(e => e.RubricId == rubricId);
        int candidates = 0, interviewers = 0, either = 0;
        foreach (var entry in relevant)
        {
            switch (entry.Role)
            {
                case PairingRole.Candidate: candidates++; break;
                case PairingRole.Interviewer: interviewers++; break;
                default: either++; break;
            }
        }

        return new WaitingCounts(candidates, interviewers, either);
    }

    // Blank case ids mean "any case": an empty form field must not become a case nobody else can match.
    private static PairingRequest Validate(PairingRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.UserId))
        {
            throw new ArgumentException("A queue entry needs a user id.", nameof(request));
        }

        if (string.IsNullOrWhiteSpace(request.RubricId))
        {
            throw new ArgumentException("A queue entry needs a rubric id.", nameof(request));
        }

        if (!Enum.IsDefined(request.Role))
        {
            throw new ArgumentException($"'{request.Role}' is not a pairing role.", nameof(request));
        }

        return string.IsNullOrWhiteSpace(request.CaseId) ? request with { CaseId = null } : request;
    }
}
