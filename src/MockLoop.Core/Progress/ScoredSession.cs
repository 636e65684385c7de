using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Progress;

/// <summary>How long a step took against its budget, in seconds.</summary>
public sealed record StepTime(double UsedSeconds, double BudgetSeconds);

/// <summary>One submitted scorecard, as the progress views need it.</summary>
public sealed record ScoredSession(
    Guid SessionId,
    DateTimeOffset At,
    string RubricId,
    int RubricVersion,
    string? CaseTitle,
    TargetLevel Target,
    double? Overall,
    IReadOnlyDictionary<string, double?> StepScores,
    IReadOnlyDictionary<CriterionRef, int> CriterionLevels,
    IReadOnlyDictionary<string, StepTime> StepTimes);
