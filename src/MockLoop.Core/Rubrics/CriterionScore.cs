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
    private CriterionScore(int value) => Value = value;

    /// <summary>The level, or null when the criterion was not assessed.</summary>
    public int? Value { get; }

    public bool IsAssessed => Value.HasValue;

    public static CriterionScore NotAssessed => default;

    public static CriterionScore Of(int level) => new(level);

    public override string ToString() => Value?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "not assessed";
}
