namespace MockLoop.Core.Contracts;

/// <param name="NeededHint">The candidate got there only after a hint: the criterion counts at most 3.</param>
/// <param name="Signals">Indexes of the criterion's strong signals the interviewer saw (level 4 needs two).</param>
public sealed record CriterionScoreView(string StepId, string CriterionId, int? Level, string? Note, bool NeededHint = false, IReadOnlyList<int>? Signals = null);

/// <summary>A red flag the interviewer recorded (interviewer-only until the scorecard is submitted).</summary>
public sealed record RedFlagView(string StepId, string FlagId, string Description);

public sealed record StepScoreView(string StepId, double? Score, int Assessed, int Total);

/// <summary>The score as it stands (for the interviewer while scoring, for both once submitted).</summary>
public sealed record ScorePreview(double? Overall, IReadOnlyList<StepScoreView> Steps);

/// <param name="UnassessedSteps">Steps with nothing assessed, named whether or not they blocked the verdict.</param>
/// <param name="RedFlags">Red flags that capped the verdict.</param>
/// <param name="RanOutOfTime">The timer never reached the last step, so the verdict rests on what was assessed.</param>
/// <param name="DepthRequired">Steps the bar wants at its depth score, when too few reached it.</param>
public sealed record VerdictView(
    string Level, string Outcome, double? Overall, double RequiredOverall, IReadOnlyList<string> StepsBelowBar,
    IReadOnlyList<string>? UnassessedSteps = null, IReadOnlyList<RedFlagView>? RedFlags = null, bool RanOutOfTime = false,
    int? DepthRequired = null, int? DepthReached = null);

public sealed record ScorecardView(
    string TargetLevel, string Strengths, string Improvements, string NextStep, DateTimeOffset SubmittedAt,
    ScorePreview Result, VerdictView Verdict);
