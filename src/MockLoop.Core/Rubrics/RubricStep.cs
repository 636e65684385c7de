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

    /// <summary>Mistakes the interviewer can record in this step; each one's severity says what it does to the verdict.</summary>
    public IReadOnlyList<RedFlag> RedFlags { get; init; } = [];

    /// <summary>
    /// A dimension scored across the whole interview (communication, the drawn design) rather than a timed step:
    /// it has no budget, is never on the step timer and is never core. Such steps come after every timed step.
    /// </summary>
    public bool IsWholeInterview { get; init; }

    public Criterion? FindCriterion(string criterionId) => Criteria.FirstOrDefault(c => c.Id == criterionId);
}

/// <summary>
/// A mistake the interviewer records per step (a random split on time-ordered data, accuracy at 0.1 % positives).
/// Rubrics before version 3 know one severity only: every flag caps the verdict at "below".
/// </summary>
public sealed record RedFlag(string Id, string Description)
{
    /// <summary>What recording the flag does to the verdict.</summary>
    public RedFlagSeverity Severity { get; init; } = RedFlagSeverity.CapsVerdict;

    /// <summary>The flag counts only when the mistake persists after the interviewer probed it once.</summary>
    public bool AfterProbe { get; init; }

    /// <summary>The levels whose verdict the flag affects; empty means every level.</summary>
    public IReadOnlyList<TargetLevel> Levels { get; init; } = [];

    /// <summary>The kinds of system (a case's <c>systemKind</c>) the flag applies to; empty means every kind.</summary>
    public IReadOnlyList<string> Systems { get; init; } = [];

    /// <summary>
    /// True when the flag bears on a verdict at this level for a case of this kind. A session without a case (or a
    /// case that states no kind) gets every flag, as before version 3.
    /// </summary>
    // Lists compare by content, so a flag read twice from the same text is the same flag.
    public bool Equals(RedFlag? other) =>
        other is not null && Id == other.Id && Description == other.Description && Severity == other.Severity
        && AfterProbe == other.AfterProbe && Levels.SequenceEqual(other.Levels) && Systems.SequenceEqual(other.Systems);

    public override int GetHashCode() => HashCode.Combine(Id, Description, Severity, AfterProbe, Levels.Count, Systems.Count);

    public bool AppliesTo(TargetLevel level, string? systemKind) =>
        (Levels.Count == 0 || Levels.Contains(level))
        && (Systems.Count == 0 || systemKind is null || Systems.Contains(systemKind, StringComparer.Ordinal));
}

/// <summary>How much a recorded red flag weighs.</summary>
public enum RedFlagSeverity
{
    /// <summary>The verdict is "below" whatever the scores.</summary>
    CapsVerdict,

    /// <summary>The flagged step counts one point lower (never below 1) in the verdict's step and overall checks.</summary>
    LowersStep,

    /// <summary>Reported beside the verdict as a note; it changes nothing.</summary>
    Note,
}
