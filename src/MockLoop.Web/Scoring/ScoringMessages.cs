using MockLoop.Core.Rubrics;

namespace MockLoop.Web.Scoring;

/// <summary>Stored payload of a criterion score (interviewer) or self-assessment (candidate). Level null: not assessed.</summary>
/// <param name="NeededHint">Counts the criterion at most 3 (absent in entries written before rubric v2).</param>
/// <param name="Signals">Strong signals ticked, by index into the criterion's list.</param>
public sealed record CriterionScored(string StepId, string CriterionId, int? Level, string? Note, bool NeededHint = false, IReadOnlyList<int>? Signals = null);

/// <summary>Stored payload of a red flag recorded (Raised) or withdrawn.</summary>
public sealed record RedFlagRecorded(string StepId, string FlagId, bool Raised);

public sealed record ScorecardSubmitted(string TargetLevel, string Strengths, string Improvements, string NextStep);

public static class ScoringViews
{
    public static ScorePreview Preview(ScoreResult result) =>
        new(result.Overall, result.Steps.Select(s => new StepScoreView(s.StepId, s.Score, s.AssessedCriteria, s.TotalCriteria)).ToList());

    public static VerdictView Verdict(LevelVerdict verdict) =>
        new(verdict.Level.ToString(), verdict.Outcome.ToString(), verdict.Overall, verdict.Bar.MinOverall,
            verdict.StepsBelowBar.Select(s => s.StepId).ToList(), verdict.UnassessedSteps,
            verdict.RedFlags.Select(f => new RedFlagView(f.StepId, f.Flag.Id, f.Flag.Description)).ToList(),
            verdict.RanOutOfTime, verdict.Depth?.Required, verdict.Depth?.Reached);

    public static CriterionScore ToScore(CriterionScored scored) =>
        scored.Level is { } level ? CriterionScore.Of(level, scored.NeededHint) : CriterionScore.NotAssessed;

    public static IReadOnlyList<RedFlagView> RedFlagViews(Rubric rubric, IEnumerable<RedFlagRef> flags) =>
        flags.Select(f => new RedFlagView(f.StepId, f.FlagId, rubric.FindRedFlag(f.StepId, f.FlagId)?.Description ?? f.FlagId)).ToList();
}
