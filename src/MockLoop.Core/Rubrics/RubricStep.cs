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
    public Criterion? FindCriterion(string criterionId) => Criteria.FirstOrDefault(c => c.Id == criterionId);
}
