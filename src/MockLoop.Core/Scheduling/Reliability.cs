namespace MockLoop.Core.Scheduling;

/// <summary>How a matched booking ended for its owner, for the reliability figure and the booking limit.</summary>
public enum BookingOutcome
{
    Attended,
    NoShow,
    LateCancel,
}

public sealed record OutcomeEvent(BookingOutcome Outcome, DateTimeOffset At);

/// <summary>"Came to 9 of 10 booked sessions": what future partners see.</summary>
public sealed record Reliability(int Came, int Booked)
{
    public static Reliability From(IEnumerable<OutcomeEvent> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        int came = 0, booked = 0;
        foreach (var outcome in outcomes)
        {
            booked++;
            if (outcome.Outcome == BookingOutcome.Attended)
            {
                came++;
            }
        }
        return new Reliability(came, booked);
    }

    public string Describe() => Booked == 0
        ? "no scheduled sessions yet"
        : $"came to {Came} of {Booked} booked session{(Booked == 1 ? "" : "s")}";
}

/// <summary>A pause on booking after repeated late cancellations and no-shows.</summary>
public sealed record BookingLimit(DateTimeOffset? Until)
{
    public static readonly BookingLimit None = new((DateTimeOffset?)null);

    public bool LimitedAt(DateTimeOffset now) => Until is { } until && now < until;

    /// <summary>
    /// Limited when <see cref="SchedulePolicy.StrikesBeforeLimit"/> strikes (late cancels and no-shows) fall within any
    /// <see cref="SchedulePolicy.StrikeWindow"/>; the pause runs <see cref="SchedulePolicy.LimitDuration"/> from the
    /// strike that reached the limit. Attending does not erase strikes; time does.
    /// </summary>
    public static BookingLimit Decide(IEnumerable<OutcomeEvent> outcomes, DateTimeOffset now, SchedulePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var strikes = outcomes.Where(o => o.Outcome != BookingOutcome.Attended && o.At <= now).Select(o => o.At).Order().ToList();
        DateTimeOffset? until = null;
        for (var i = policy.StrikesBeforeLimit - 1; i < strikes.Count; i++)
        {
            if (strikes[i] - strikes[i - policy.StrikesBeforeLimit + 1] <= policy.StrikeWindow)
            {
                until = strikes[i] + policy.LimitDuration;
            }
        }
        return until is { } u && u > now ? new BookingLimit(u) : None;
    }
}
