namespace MockLoop.Core.Rubrics;

/// <summary>
/// What a candidate needs to reach to meet a level, on the 1–4 scale: the weighted overall score and the
/// score of every single step (one weak step is not hidden by strong ones).
/// </summary>
public sealed record LevelBar(TargetLevel Level, double MinOverall, double MinStep)
{
    /// <summary>How many bar steps may fall below <see cref="MinStep"/> without failing the bar.</summary>
    public int StepMissesAllowed { get; init; }

    /// <summary>Depth the level asks for on top of the averages (Staff: deep in two areas); null when none.</summary>
    public DepthBar? Depth { get; init; }
}

/// <summary>At least <paramref name="Steps"/> steps must score <paramref name="MinScore"/> or more.</summary>
public sealed record DepthBar(int Steps, double MinScore);
