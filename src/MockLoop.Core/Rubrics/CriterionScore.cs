namespace MockLoop.Core.Rubrics;

/// <summary>Identifies a criterion within a rubric: criterion ids are unique only within their step.</summary>
public readonly record struct CriterionRef(string StepId, string CriterionId)
{
    public override string ToString() => $"{StepId}/{CriterionId}";
}

/// <summary>
/// The interviewer's score for one criterion: a level from 1 to 4, or not assessed (the default). Any integer can
/// be held so that a bad form value reaches <see cref="RubricScoring.Validate"/> and gets a clear error there.
/// </summary>
public readonly record struct CriterionScore
{
    private CriterionScore(int value, bool neededHint)
    {
        Value = value;
        NeededHint = neededHint;
    }

    /// <summary>The level the interviewer chose, or null when the criterion was not assessed.</summary>
    public int? Value { get; }

    /// <summary>The candidate got there only after a hint; the criterion then counts at most <see cref="HintCap"/>.</summary>
    public bool NeededHint { get; }

    /// <summary>The highest level a criterion counts for once the candidate needed a hint on it.</summary>
    public const int HintCap = 3;

    /// <summary>The level that counts in the step score: the chosen level, capped at 3 when a hint was needed.</summary>
    public int? Counted => Value is { } v && NeededHint ? Math.Min(v, HintCap) : Value;

    public bool IsAssessed => Value.HasValue;

    public static CriterionScore NotAssessed => default;

    public static CriterionScore Of(int level, bool neededHint = false) => new(level, neededHint);

    public override string ToString() =>
        (Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not assessed") + (NeededHint && Value.HasValue ? " (needed a hint)" : "");
}
