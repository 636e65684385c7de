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

    /// <summary>The steps the step timer walks through: every step but the whole-interview dimensions, in order.</summary>
    public IReadOnlyList<RubricStep> TimedSteps => Steps.Where(s => !s.IsWholeInterview).ToList();

    /// <summary>Length of the interview slot the budgets are planned for; null when the rubric does not say.</summary>
    public int? SlotMinutes { get; init; }

    /// <summary>Minutes of the slot left over after the step budgets (introductions, questions, overrun).</summary>
    public int? BufferMinutes => SlotMinutes - TotalBudgetMinutes;

    /// <summary>What the interviewer expects of a Mid, Senior and Staff candidate; null when the rubric does not say.</summary>
    public LevelExpectations? Expectations { get; init; }

    /// <summary>
    /// True when the rubric marks some steps as core. Such a rubric is scored with the version 2 semantics: the
    /// per-step minimum looks at core steps only, and a session that ran out of time still gets a verdict.
    /// </summary>
    public bool UsesCoreSteps => Steps.Any(s => s.IsCore);

    /// <summary>The steps the per-step minimum applies to: the core steps, or every step when none is marked core.</summary>
    public IEnumerable<RubricStep> BarSteps => UsesCoreSteps ? Steps.Where(s => s.IsCore) : Steps;

    public RedFlag? FindRedFlag(string stepId, string flagId) => FindStep(stepId)?.RedFlags.FirstOrDefault(f => f.Id == flagId);

    public RubricStep? FindStep(string stepId) => Steps.FirstOrDefault(s => s.Id == stepId);

    public LevelBar BarFor(TargetLevel level) =>
        LevelBars.FirstOrDefault(b => b.Level == level)
        ?? throw new InvalidOperationException($"Rubric '{Id}' has no bar for {level}.");
}

/// <summary>The rubric's own words on what each level looks like in the room.</summary>
public sealed record LevelExpectations(string Mid, string Senior, string Staff)
{
    public string For(TargetLevel level) => level switch
    {
        TargetLevel.Mid => Mid,
        TargetLevel.Senior => Senior,
        _ => Staff,
    };
}
