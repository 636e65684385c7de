namespace MockLoop.Core.Rubrics;

public enum VerdictOutcome
{
    Meets,
    Below,
    InsufficientData,
}

/// <summary>Whether a score meets the bar for a level and, if not, which parts of the bar it missed.</summary>
/// <param name="Overall">The overall score the bar was checked against: lowered when a red flag lowered a step.</param>
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
    IReadOnlyList<string> UnassessedSteps)
{
    /// <summary>Recorded red flags that cap the verdict at this level; any one settles it as below.</summary>
    public IReadOnlyList<RaisedRedFlag> RedFlags { get; init; } = [];

    /// <summary>Recorded red flags that took a point off their step before the bar was checked.</summary>
    public IReadOnlyList<RaisedRedFlag> LoweringFlags { get; init; } = [];

    /// <summary>Recorded red flags of the note severity: reported, with no effect on the verdict.</summary>
    public IReadOnlyList<RaisedRedFlag> NotedFlags { get; init; } = [];

    /// <summary>The session ran out of time, so unassessed steps did not stop a verdict (they are named instead).</summary>
    public bool RanOutOfTime { get; init; }

    /// <summary>The bar asked for depth and too few steps reached it; null when the bar asks none or it was met.</summary>
    public DepthShortfall? Depth { get; init; }

    /// <summary>Bar steps below the per-step minimum that the bar forgives (its one allowed miss).</summary>
    public int ForgivenMisses { get; init; }
}

/// <summary>A red flag the interviewer recorded in a step.</summary>
public readonly record struct RedFlagRef(string StepId, string FlagId);

/// <summary>A recorded red flag with its rubric text.</summary>
public sealed record RaisedRedFlag(string StepId, RedFlag Flag);

/// <summary>How many steps reached the depth score against how many the bar asks for.</summary>
public sealed record DepthShortfall(int Required, int Reached, double MinScore);

/// <summary>A step that scored below the per-step minimum of a bar.</summary>
public sealed record StepShortfall(string StepId, double Score, double Required);
