namespace MockLoop.Core.Scheduling;

/// <summary>Why an open booking is still waiting, so the schedule can say so instead of a bare "Looking for a partner".</summary>
public enum WaitReason
{
    /// <summary>Nobody else has booked the slot (outside invite links).</summary>
    NobodyYet,

    /// <summary>Others booked it, but none fits: the same fixed role, another rubric or another case.</summary>
    NobodyCompatible,

    /// <summary>Someone compatible booked it, but met this person in the last week: the cut-off may still pair them.</summary>
    RecentPartnerOnly,

    /// <summary>The only compatible booking belongs to someone whose last session with this person was a no-show.</summary>
    NoShowPartnerOnly,
}

public static class WaitReasons
{
    /// <summary>
    /// Why <paramref name="mine"/> is not matched yet, given the other open bookings of its slot: the same rules as
    /// <see cref="MatchingRules.BestPartnerNow"/>, read the other way round.
    /// </summary>
    public static WaitReason Explain(OpenBooking mine, IReadOnlyCollection<OpenBooking> others, MatchContext context)
    {
        ArgumentNullException.ThrowIfNull(mine);
        ArgumentNullException.ThrowIfNull(others);
        ArgumentNullException.ThrowIfNull(context);
        var sameSlot = others.Where(o => o.Id != mine.Id && o.UserId != mine.UserId && o.SlotStart == mine.SlotStart).ToList();
        if (sameSlot.Count == 0)
        {
            return WaitReason.NobodyYet;
        }
        var compatible = sameSlot.Where(o => MatchingRules.Seats(o, mine, MatchContext.Empty) is not null).ToList();
        if (compatible.Count == 0)
        {
            return WaitReason.NobodyCompatible;
        }
        if (compatible.All(o => MatchingRules.LastSessionWasNoShow(o.UserId, mine.UserId, context.History)))
        {
            return WaitReason.NoShowPartnerOnly;
        }
        // Compatible and no no-show between them: what is left is the repeat-partner rule, which holds the match to
        // the cut-off.
        return WaitReason.RecentPartnerOnly;
    }

    /// <summary>The sentence the schedule shows beside the booking.</summary>
    public static string Describe(WaitReason reason, string cutOffTime) => reason switch
    {
        WaitReason.NobodyYet => $"Nobody else has booked this slot yet. You are paired the moment someone does, or told by {cutOffTime}.",
        WaitReason.NobodyCompatible =>
            $"Others booked this slot, but for the same role, another rubric or another case. You are paired when someone who fits books, or told by {cutOffTime}.",
        WaitReason.RecentPartnerOnly =>
            $"The one who fits booked with you in the last week. To give you someone new, the match waits until {cutOffTime}, and you two are paired then if nobody else books.",
        WaitReason.NoShowPartnerOnly =>
            $"The only one who fits missed your last session together, so you are not paired again. Someone else may still book before {cutOffTime}.",
        _ => $"Matched by {cutOffTime} at the latest.",
    };
}
