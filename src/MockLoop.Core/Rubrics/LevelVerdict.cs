namespace MockLoop.Core.Rubrics;

public enum VerdictOutcome
{
    Meets,
    Below,
    InsufficientData,
}

/// <summary>Whether a score meets the bar for a level and, if not, which parts of the bar it missed.</summary>
/// <param name="OverallBelowBar">True when every step was assessed and the overall score is below the bar.</param>
/// <param name="StepsBelowBar">Assessed steps scoring below the bar's per-step minimum, in step order.</param>
/// <param name="UnassessedSteps">Steps with no assessed criterion, in step order.</param>
public sealed record LevelVerdict(
    TargetLevel Level,
    VerdictOutcome Outcome,
    LevelBar Bar,
    double? Overall,
    bool OverallBelowBar,
    IReadOnlyList<StepShortfall> StepsBelowBar,
    IReadOnlyList<string> UnassessedSteps);

/// <summary>A step that scored below the per-step minimum of a bar.</summary>
public sealed record StepShortfall(string StepId, double Score, double Required);
