namespace MockLoop.Core.Progress;

/// <summary>
/// When other interviewers' averages may be shown beside one's own. With one or two others, "the others' average"
/// is nearly their own scores, and would tell an interviewer how a named colleague scores; from three on it is a
/// crowd's figure.
/// </summary>
public static class CalibrationRules
{
    public const int MinimumOtherInterviewers = 3;

    /// <summary>The others' average if enough distinct interviewers make it up, else null (not shown).</summary>
    public static double? OthersAverage(double? average, int distinctOtherInterviewers) =>
        distinctOtherInterviewers >= MinimumOtherInterviewers ? average : null;
}
