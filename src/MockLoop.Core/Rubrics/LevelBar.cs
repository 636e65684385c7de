namespace MockLoop.Core.Rubrics;

/// <summary>
/// What a candidate needs to reach to meet a level, on the 1–4 scale: the weighted overall score and the
/// score of every single step (one weak step is not hidden by strong ones).
/// </summary>
public sealed record LevelBar(TargetLevel Level, double MinOverall, double MinStep);
