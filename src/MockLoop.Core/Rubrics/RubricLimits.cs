namespace MockLoop.Core.Rubrics;

/// <summary>
/// Bounds on rubric, component and case content. They are generous for real content and exist so an uploaded
/// file cannot smuggle in a novel where a title belongs; rubrics/README.md lists them for authors.
/// </summary>
public static class RubricLimits
{
    public const int MaxTitle = 120;
    public const int MaxLabel = 60;
    public const int MaxDescription = 2_000;
    public const int MaxPurpose = 1_000;
    public const int MaxQuestion = 500;
    public const int MaxDescriptor = 600;
    public const int MaxSchemaReference = 500;

    public const int MaxSteps = 12;
    public const int MinCriteriaPerStep = 2;
    public const int MaxCriteriaPerStep = 5;
    public const int MaxQuestionsPerStep = 15;
    public const int MaxBudgetMinutes = 240;
    public const double MaxWeight = 1_000;
    public const int MaxVersion = 1_000_000;
    public const int MaxSlotMinutes = 480;
    public const int MaxRedFlagsPerStep = 8;
    public const int MaxRedFlag = 300;
    public const int MinStrongSignals = 3;
    public const int MaxStrongSignals = 6;
    public const int MaxStrongSignal = 300;
    public const int MaxStepMissesAllowed = 3;

    public const int MaxComponents = 300;

    public const int MaxPrompt = 4_000;
    public const int MaxFacts = 40;
    public const int MaxFactTopic = 80;
    public const int MaxFactDetail = 1_000;
    public const int MaxHintsPerStep = 15;
    public const int MaxHint = 600;
    public const int MaxExpectedComponents = 60;
}
