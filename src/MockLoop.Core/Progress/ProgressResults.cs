using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Progress;

public sealed record TrendPoint(Guid SessionId, DateTimeOffset At, double Score);

/// <summary>One row of the per-step heatmap: a step's score in each session, oldest first (null: not assessed).</summary>
public sealed record StepRow(string StepId, string Title, IReadOnlyList<double?> Scores);

/// <summary>Average time used against the budget for one step; Ratio 1.0 is exactly on budget.</summary>
public sealed record StepTimeUse(string StepId, string Title, double AverageUsedSeconds, double BudgetSeconds, double Ratio, int Sessions);

public enum ReadinessStatus { NoData, NotYet, Close, Ready }

/// <summary>
/// How the recent sessions compare with a level's bars: the average overall against the overall bar, and how
/// many steps average at or above the per-step bar.
/// </summary>
public sealed record Readiness(
    TargetLevel Level,
    ReadinessStatus Status,
    double? AverageOverall,
    double RequiredOverall,
    double RequiredStep,
    int StepsMeetingBar,
    int StepsAssessed,
    int SessionsConsidered);

/// <summary>A weak spot with what the next level looks like, as advice.</summary>
public sealed record WeakCriterion(
    string StepId, string StepTitle, string CriterionId, string CriterionTitle, double AverageLevel, int NextLevel, string NextLevelDescriptor);

public sealed record WeakStep(string StepId, string Title, double AverageScore);
