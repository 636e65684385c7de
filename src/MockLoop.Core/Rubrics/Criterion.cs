namespace MockLoop.Core.Rubrics;

/// <summary>One thing an interviewer scores within a step, with a descriptor for each of the four levels.</summary>
/// <param name="Levels">Exactly four levels, ordered 1 to 4.</param>
public sealed record Criterion(string Id, string Title, IReadOnlyList<CriterionLevel> Levels)
{
    /// <summary>The level with the given number (1 to 4).</summary>
    public CriterionLevel Level(int level) =>
        Levels.FirstOrDefault(l => l.Level == level)
        ?? throw new ArgumentOutOfRangeException(nameof(level), level, "Levels run from 1 to 4.");

    /// <summary>
    /// The short list behind level 4: level 4 is level 3 plus any <see cref="StrongSignalsNeeded"/> of these.
    /// Empty for rubrics that describe level 4 in its descriptor alone.
    /// </summary>
    public IReadOnlyList<string> StrongSignals { get; init; } = [];

    public const int StrongSignalsNeeded = 2;
}

/// <summary>One level of a criterion: what the candidate said or drew to earn it.</summary>
public sealed record CriterionLevel(int Level, string Label, string Descriptor)
{
    public const int Lowest = 1;
    public const int Highest = 4;

    /// <summary>The label used when a rubric does not name a level itself.</summary>
    public static string StandardLabel(int level) => level switch
    {
        1 => "No signal",
        2 => "Weak",
        3 => "Solid",
        4 => "Strong",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Levels run from 1 to 4."),
    };
}
