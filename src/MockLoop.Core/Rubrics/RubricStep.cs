namespace MockLoop.Core.Rubrics;

/// <summary>One step of an interview framework, timed and scored on its own.</summary>
/// <param name="BudgetMinutes">How long the step should take; the step timer counts it down.</param>
/// <param name="Weight">Relative weight of the step in the overall score (any positive scale).</param>
/// <param name="Questions">Questions the interviewer can ask to draw the candidate out.</param>
/// <param name="Criteria">Two to five criteria.</param>
public sealed record RubricStep(
    string Id,
    string Title,
    string Purpose,
    int BudgetMinutes,
    double Weight,
    IReadOnlyList<string> Questions,
    IReadOnlyList<Criterion> Criteria)
{
    /// <summary>A core step (framing, data, model, evaluation in the ML rubric) carries the per-step minimum.</summary>
    public bool IsCore { get; init; }

    /// <summary>Mistakes that cap the verdict when the interviewer records one, whatever the average.</summary>
    public IReadOnlyList<RedFlag> RedFlags { get; init; } = [];

    public Criterion? FindCriterion(string criterionId) => Criteria.FirstOrDefault(c => c.Id == criterionId);
}

/// <summary>
/// A mistake serious enough that no average makes up for it (a random split on time-ordered data, accuracy at
/// 0.1 % positives). Recorded per step by the interviewer; any one caps the verdict at "below".
/// </summary>
public sealed record RedFlag(string Id, string Description);
