namespace MockLoop.Core.Scheduling;

/// <summary>Private ratings after a session: the candidate rates the feedback, the interviewer the candidate's punctuality and preparation.</summary>
public static class RatingRules
{
    public const int Min = 1;
    public const int Max = 5;

    public static bool IsValid(int value) => value is >= Min and <= Max;

    /// <summary>The average usefulness to show, or null while there are too few ratings to mean anything.</summary>
    public static double? AverageUsefulness(IReadOnlyCollection<int> ratings, SchedulePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        return ratings.Count >= policy.RatingsBeforeAverage ? Math.Round(ratings.Average(), 1) : null;
    }
}
