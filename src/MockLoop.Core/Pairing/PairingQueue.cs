namespace MockLoop.Core.Pairing;

/// <summary>
/// The lobby queue: people wait here until a compatible partner arrives, first come, first served.
/// Pure and not thread-safe: the host serialises every call (one lobby actor or a lock).
/// </summary>
public sealed class PairingQueue(TimeProvider time)
{
    /// <summary>
    /// How long someone whose lobby connections all dropped keeps their place (issue 20): longer than the lobby page's
    /// whole reconnect schedule (about 23 s), short enough that a closed tab does not hold a place for long.
    /// </summary>
    public static readonly TimeSpan AwayGrace = TimeSpan.FromSeconds(30);

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
            // Someone whose connection dropped keeps their place but is not paired: the room would open without them.
            if (!waiting[i].IsAway && PairingRules.TryPair(waiting[i], newcomer, now) is { } match)
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

    /// <summary>
    /// Every lobby page of the user lost its connection: they keep their place (and are counted) but are not paired
    /// until <see cref="Return"/>, and <see cref="DropAway"/> removes them once they have been away too long. Returns
    /// false if the user was not waiting.
    /// </summary>
    public bool MarkAway(string userId)
    {
        var index = waiting.FindIndex(e => e.UserId == userId);
        if (index < 0)
        {
            return false;
        }
        if (!waiting[index].IsAway)
        {
            waiting[index] = waiting[index] with { AwaySince = time.GetUtcNow() };
        }
        return true;
    }

    /// <summary>
    /// The user is connected again, in the same place. Anyone compatible who arrived while they were away waited
    /// instead of being paired with them: the one who has waited longest is paired with them now (and both leave the
    /// queue). Returns null when there is no such person, or the user was not waiting.
    /// </summary>
    public PairingMatch? Return(string userId)
    {
        var index = waiting.FindIndex(e => e.UserId == userId);
        if (index < 0)
        {
            return null;
        }
        var back = waiting[index] = waiting[index] with { AwaySince = null };
        var now = time.GetUtcNow();
        for (var i = 0; i < waiting.Count; i++)
        {
            if (i == index || waiting[i].IsAway)
            {
                continue;
            }
            // Earlier in the queue means waiting longer: that one is the "waiting" side of the rule (seats for Either).
            var (first, second) = i < index ? (waiting[i], back) : (back, waiting[i]);
            if (PairingRules.TryPair(first, second, now) is { } match)
            {
                waiting.Remove(first);
                waiting.Remove(second);
                return match;
            }
        }
        return null;
    }

    /// <summary>Removes everyone who has been away for <paramref name="grace"/> or longer; returns their ids.</summary>
    public IReadOnlyList<string> DropAway(TimeSpan grace)
    {
        var now = time.GetUtcNow();
        var gone = waiting.Where(e => e.AwaySince is { } since && now - since >= grace).Select(e => e.UserId).ToList();
        waiting.RemoveAll(e => gone.Contains(e.UserId));
        return gone;
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
