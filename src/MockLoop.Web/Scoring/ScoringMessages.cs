using MockLoop.Core.Rubrics;

namespace MockLoop.Web.Scoring;

/// <summary>Stored payload of a criterion score (interviewer) or self-assessment (candidate). Level null: not assessed.</summary>
public sealed record CriterionScored(string StepId, string CriterionId, int? Level, string? Note);

public sealed record ScorecardSubmitted(string TargetLevel, string Strengths, string Improvements, string NextStep);

public sealed record CriterionScoreView(string StepId, string CriterionId, int? Level, string? Note);

public sealed record StepScoreView(string StepId, double? Score, int Assessed, int Total);

/// <summary>The score as it stands (for the interviewer while scoring, for both once submitted).</summary>
public sealed record ScorePreview(double? Overall, IReadOnlyList<StepScoreView> Steps);

public sealed record VerdictView(string Level, string Outcome, double? Overall, double RequiredOverall, IReadOnlyList<string> StepsBelowBar);

public sealed record ScorecardView(
    string TargetLevel, string Strengths, string Improvements, string NextStep, DateTimeOffset SubmittedAt,
    ScorePreview Result, VerdictView Verdict);

public static class ScoringViews
{
    public static ScorePreview Preview(ScoreResult result) =>
        new(result.Overall, result.Steps.Select(s => new StepScoreView(s.StepId, s.Score, s.AssessedCriteria, s.TotalCriteria)).ToList());

    public static VerdictView Verdict(LevelVerdict verdict) =>
        new(verdict.Level.ToString(), verdict.Outcome.ToString(), verdict.Overall, verdict.Bar.MinOverall,
            verdict.StepsBelowBar.Select(s => s.StepId).ToList());
}
