namespace MockLoop.Core.Rubrics;

/// <summary>
/// A scoring rubric for one interview framework: its ordered steps, their criteria and the bars for each level.
/// Build one with <see cref="RubricParser.Parse"/>, which guarantees the invariants described in rubrics/README.md.
/// </summary>
/// <param name="Id">Kebab-case id, stable across versions.</param>
/// <param name="Version">Positive integer, raised whenever the content changes.</param>
/// <param name="LevelBars">One bar each for Mid, Senior and Staff, in that order.</param>
public sealed record Rubric(
    string Id,
    int Version,
    string Title,
    string Description,
    IReadOnlyList<RubricStep> Steps,
    IReadOnlyList<LevelBar> LevelBars)
{
    public int TotalBudgetMinutes => Steps.Sum(s => s.BudgetMinutes);

    public RubricStep? FindStep(string stepId) => Steps.FirstOrDefault(s => s.Id == stepId);

    public LevelBar BarFor(TargetLevel level) =>
        LevelBars.FirstOrDefault(b => b.Level == level)
        ?? throw new InvalidOperationException($"Rubric '{Id}' has no bar for {level}.");
}
