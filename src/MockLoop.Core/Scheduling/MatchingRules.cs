using MockLoop.Core.Pairing;

namespace MockLoop.Core.Scheduling;

/// <summary>
/// Who may meet whom in a scheduled slot and who fits best. Hard rules: same slot and rubric, complementary roles,
/// agreeing cases, never two people whose last session together was a no-show. Preferences (a lower cost is better):
/// a similar target level, a helpful interviewer for a candidate who asked for one, no repeat partner within a week.
/// See docs/decisions/071.
/// </summary>
public static class MatchingRules
{
    private const int LevelStepCost = 10;
    private const int RepeatPartnerCost = 25;
    private const int UnhelpfulInterviewerCost = 5;

    /// <summary>The seats for two bookings, or null when they may not meet. The earlier booking is the one "waiting".</summary>
    public static (OpenBooking Candidate, OpenBooking Interviewer)? Seats(OpenBooking a, OpenBooking b, MatchContext context)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(context);
        if (a.UserId == b.UserId || a.SlotStart != b.SlotStart
            || !string.Equals(a.RubricId, b.RubricId, StringComparison.Ordinal)
            || (a.CaseId is not null && b.CaseId is not null && !string.Equals(a.CaseId, b.CaseId, StringComparison.Ordinal))
            || LastSessionWasNoShow(a.UserId, b.UserId, context.History))
        {
            return null;
        }

        var (waiting, newcomer) = a.BookedAt <= b.BookedAt ? (a, b) : (b, a);
        var seats = PairingRules.AssignSeats(AsQueueEntry(waiting), AsQueueEntry(newcomer));
        if (seats is not var (candidate, _))
        {
            return null;
        }
        return candidate.UserId == waiting.UserId.ToString() ? (waiting, newcomer) : (newcomer, waiting);
    }

    public static bool LastSessionWasNoShow(Guid a, Guid b, IReadOnlyList<PastPairing> history)
    {
        PastPairing? last = null;
        foreach (var pairing in history)
        {
            if (pairing.Involves(a, b) && (last is null || pairing.At > last.At))
            {
                last = pairing;
            }
        }
        return last?.NoShow == true;
    }

    public static bool MetRecently(Guid a, Guid b, DateTimeOffset slotStart, MatchContext context, SchedulePolicy policy) =>
        context.History.Any(p => p.Involves(a, b) && p.At > slotStart - policy.RepeatPartnerWindow);

    /// <summary>How well two compatible bookings fit; lower is better.</summary>
    public static int Cost(OpenBooking candidate, OpenBooking interviewer, MatchContext context, SchedulePolicy policy)
    {
        var cost = Math.Abs((int)candidate.Level - (int)interviewer.Level) * LevelStepCost;
        if (MetRecently(candidate.UserId, interviewer.UserId, candidate.SlotStart, context, policy))
        {
            cost += RepeatPartnerCost;
        }
        if (candidate.PreferHelpful && !IsHelpful(interviewer.UserId, context, policy))
        {
            cost += UnhelpfulInterviewerCost;
        }
        return cost;
    }

    public static bool IsHelpful(Guid interviewer, MatchContext context, SchedulePolicy policy) =>
        context.Usefulness.TryGetValue(interviewer, out var average) && average >= policy.HelpfulAverage;

    /// <summary>
    /// Matching at booking time: the best partner among the open bookings of the slot, or null to wait for the
    /// cut-off. A repeat partner from the last week is not taken now; the cut-off may still pair them when nobody
    /// else came.
    /// </summary>
    public static (OpenBooking Candidate, OpenBooking Interviewer)? BestPartnerNow(
        OpenBooking newcomer, IEnumerable<OpenBooking> open, MatchContext context, SchedulePolicy policy)
    {
        (OpenBooking, OpenBooking)? best = null;
        var bestCost = int.MaxValue;
        foreach (var other in open.OrderBy(o => o.BookedAt))
        {
            if (Seats(other, newcomer, context) is not var (candidate, interviewer)
                || MetRecently(candidate.UserId, interviewer.UserId, newcomer.SlotStart, context, policy))
            {
                continue;
            }
            var cost = Cost(candidate, interviewer, context, policy);
            if (cost < bestCost)
            {
                (best, bestCost) = ((candidate, interviewer), cost);
            }
        }
        return best;
    }

    /// <summary>
    /// Matching at the cut-off: pairs as many of one slot's open bookings as possible, cheapest pairs first
    /// (ties by who booked first), and returns who is left.
    /// </summary>
    public static (IReadOnlyList<(OpenBooking Candidate, OpenBooking Interviewer)> Pairs, IReadOnlyList<OpenBooking> Unmatched) AtCutOff(
        IReadOnlyList<OpenBooking> open, MatchContext context, SchedulePolicy policy)
    {
        var options = new List<(OpenBooking Candidate, OpenBooking Interviewer, int Cost, DateTimeOffset Earliest)>();
        for (var i = 0; i < open.Count; i++)
        {
            for (var j = i + 1; j < open.Count; j++)
            {
                if (Seats(open[i], open[j], context) is var (candidate, interviewer))
                {
                    var earliest = open[i].BookedAt < open[j].BookedAt ? open[i].BookedAt : open[j].BookedAt;
                    options.Add((candidate, interviewer, Cost(candidate, interviewer, context, policy), earliest));
                }
            }
        }

        var taken = new HashSet<Guid>();
        var pairs = new List<(OpenBooking, OpenBooking)>();
        foreach (var option in options.OrderBy(o => o.Cost).ThenBy(o => o.Earliest))
        {
            if (!taken.Contains(option.Candidate.Id) && !taken.Contains(option.Interviewer.Id))
            {
                taken.Add(option.Candidate.Id);
                taken.Add(option.Interviewer.Id);
                pairs.Add((option.Candidate, option.Interviewer));
            }
        }
        return (pairs, open.Where(o => !taken.Contains(o.Id)).ToList());
    }

    private static QueueEntry AsQueueEntry(OpenBooking booking) =>
        new(booking.UserId.ToString(), booking.Role, booking.RubricId, booking.CaseId, booking.BookedAt);
}
