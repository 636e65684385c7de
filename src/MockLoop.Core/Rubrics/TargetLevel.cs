namespace MockLoop.Core.Rubrics;

/// <summary>The seniority a candidate is being assessed for.</summary>
public enum TargetLevel
{
    Mid,
    Senior,
    Staff,
}
