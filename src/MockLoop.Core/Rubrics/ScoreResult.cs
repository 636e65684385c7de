namespace MockLoop.Core.Rubrics;

/// <summary>The scores of a scorecard against its rubric, unrounded (round for display only).</summary>
/// <param name="Steps">One entry per rubric step, in step order.</param>
/// <param name="Overall">Weight-weighted mean of the assessed steps; null when no step was assessed.</param>
public sealed record ScoreResult(string RubricId, int RubricVersion, IReadOnlyList<StepScore> Steps, double? Overall)
{
    public StepScore? Step(string stepId) => Steps.FirstOrDefault(s => s.StepId == stepId);
}

/// <param name="Score">Mean of the assessed criteria; null when none was assessed.</param>
public sealed record StepScore(string StepId, double? Score, int AssessedCriteria, int TotalCriteria, double Weight)
{
    /// <summary>Criteria whose score was capped because the candidate needed a hint.</summary>
    public int HintCapped { get; init; }

    public bool IsAssessed => Score.HasValue;
}
