namespace MockLoop.Core.Scheduling;

public enum CancelOutcome
{
    /// <summary>Cancelled; nothing counts against the person.</summary>
    Free,

    /// <summary>Cancelled, but the partner had been found and the start is near: a strike on reliability.</summary>
    Late,

    /// <summary>Refused: within the cancel deadline the session stands (not coming counts as a no-show).</summary>
    TooLate,
}

public static class CancellationRules
{
    public static CancelOutcome Decide(DateTimeOffset slotStart, bool matched, DateTimeOffset now, SchedulePolicy policy)
    {
        if (now >= slotStart - policy.CancelDeadline)
        {
            return CancelOutcome.TooLate;
        }
        return matched && now >= slotStart - policy.LateCancelWindow ? CancelOutcome.Late : CancelOutcome.Free;
    }
}
