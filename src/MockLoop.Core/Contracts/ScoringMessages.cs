namespace MockLoop.Core.Contracts;

public sealed record CriterionScoreView(string StepId, string CriterionId, int? Level, string? Note);

public sealed record StepScoreView(string StepId, double? Score, int Assessed, int Total);

/// <summary>The score as it stands (for the interviewer while scoring, for both once submitted).</summary>
public sealed record ScorePreview(double? Overall, IReadOnlyList<StepScoreView> Steps);

public sealed record VerdictView(string Level, string Outcome, double? Overall, double RequiredOverall, IReadOnlyList<string> StepsBelowBar);

public sealed record ScorecardView(
    string TargetLevel, string Strengths, string Improvements, string NextStep, DateTimeOffset SubmittedAt,
    ScorePreview Result, VerdictView Verdict);
