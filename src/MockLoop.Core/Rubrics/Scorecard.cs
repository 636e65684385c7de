namespace MockLoop.Core.Rubrics;

/// <summary>
/// The interviewer's scores for one session. A criterion that is absent counts as not assessed, so a scorecard can
/// be filled in step by step.
/// </summary>
public sealed record Scorecard(IReadOnlyDictionary<CriterionRef, CriterionScore> Scores)
{
    public static Scorecard Empty { get; } = new(new Dictionary<CriterionRef, CriterionScore>());

    public CriterionScore this[string stepId, string criterionId] =>
        Scores.GetValueOrDefault(new CriterionRef(stepId, criterionId));

    /// <summary>A copy with one criterion's score set (or replaced).</summary>
    public Scorecard With(string stepId, string criterionId, CriterionScore score) =>
        new(new Dictionary<CriterionRef, CriterionScore>(Scores) { [new CriterionRef(stepId, criterionId)] = score });

    public Scorecard With(string stepId, string criterionId, int level) => With(stepId, criterionId, CriterionScore.Of(level));
}
