using MockLoop.Core.Rubrics;

namespace MockLoop.Web.Scoring;

/// <summary>Stored payload of a criterion score (interviewer) or self-assessment (candidate). Level null: not assessed.</summary>
public sealed record CriterionScored(string StepId, string CriterionId, int? Level, string? Note);

public sealed record ScorecardSubmitted(string TargetLevel, string Strengths, string Improvements, string NextStep);

public static class ScoringViews
{
    public static ScorePreview Preview(ScoreResult result) =>
        new(result.Overall, result.Steps.Select(s => new StepScoreView(s.StepId, s.Score, s.AssessedCriteria, s.TotalCriteria)).ToList());

    public static VerdictView Verdict(LevelVerdict verdict) =>
        new(verdict.Level.ToString(), verdict.Outcome.ToString(), verdict.Overall, verdict.Bar.MinOverall,
            verdict.StepsBelowBar.Select(s => s.StepId).ToList());
}
