using MockLoop.Core.Diagrams;

namespace MockLoop.Core.Cases;

/// <summary>
/// An interview prompt written for one rubric: what the candidate reads, the facts and budgets the interviewer
/// reveals when asked, structured hints per step, the components a strong design contains and a reference design.
/// </summary>
/// <param name="RubricId">The rubric the case is written for; hints are keyed by its step ids.</param>
/// <param name="Prompt">What the candidate reads at the start.</param>
/// <param name="Facts">Scale, catalogue size, data and labels: revealed only when the candidate asks.</param>
/// <param name="Hints">Interviewer-only hints by step id, in the rubric's step order. Never send them to a candidate.</param>
/// <param name="CoreComponents">6–10 ML-specific component ids a strong design must draw; report coverage counts these.</param>
/// <param name="OptionalComponents">Component ids a strong design may draw (generic infrastructure, alternatives).</param>
public sealed record InterviewCase(
    string Id,
    string RubricId,
    string Title,
    string Prompt,
    IReadOnlyList<CaseFact> Facts,
    IReadOnlyDictionary<string, StepHints> Hints,
    IReadOnlyList<string> CoreComponents,
    IReadOnlyList<string> OptionalComponents,
    CaseDifficulty? Difficulty)
{
    /// <summary>The kind of ML task the case is mainly about (ranking, classification, regression, …).</summary>
    public string? MlTask { get; init; }

    /// <summary>Traffic, latency and cost: every shipped case states them.</summary>
    public CaseBudgets? Budgets { get; init; }

    /// <summary>A strong design in the diagram format, valid by Core's diagram rules; null when the case has none.</summary>
    public DiagramSnapshot? ReferenceDiagram { get; init; }

    /// <summary>Online (someone waits for each answer) or batch (<see cref="Rubrics.SystemKinds"/>); null when the case does not say.</summary>
    public string? SystemKind { get; init; }

    /// <summary>The worked back-of-envelope, checked line by line when the case is read; null when the case has none.</summary>
    public Envelope.BackOfEnvelope? Envelope { get; init; }

    /// <summary>Interviewer questions, each aimed at one criterion of the rubric, in file order.</summary>
    public IReadOnlyList<CriterionProbe> Probes { get; init; } = [];

    /// <summary>Why each component of the reference diagram is there, and what else would be acceptable.</summary>
    public IReadOnlyList<AnswerKeyEntry> AnswerKey { get; init; } = [];

    /// <summary>Time-boxed twists or deep dives that test understanding rather than a memorised answer.</summary>
    public IReadOnlyList<Curveball> Curveballs { get; init; } = [];

    /// <summary>Core components first, then optional ones.</summary>
    public IReadOnlyList<string> ExpectedComponents => [.. CoreComponents, .. OptionalComponents];

    /// <summary>The structured hints for one step, or null when the case has none for it.</summary>
    public StepHints? HintSetFor(string stepId) => Hints.GetValueOrDefault(stepId);

    /// <summary>
    /// The hints for one step as labelled lines (probe, expected Senior answer, Staff extension, red flags), for
    /// views that list text; empty when the case has none for the step.
    /// </summary>
    public IReadOnlyList<string> HintsFor(string stepId) =>
        [.. HintSetFor(stepId)?.Lines() ?? [], .. Probes.Where(p => p.StepId == stepId).Select(p => $"{StepHints.ProbeLabel}: {p.Question}")];
}

/// <summary>A question aimed at one criterion, so every criterion has a way in.</summary>
public sealed record CriterionProbe(string StepId, string CriterionId, string Question);

/// <summary>Why a component of the reference diagram is there, and the alternatives a strong design may draw instead.</summary>
public sealed record AnswerKeyEntry(string Component, string Why, string Alternatives);

/// <summary>A twist or deep dive the interviewer may play, with the minutes it gets and what a good answer shows.</summary>
public sealed record Curveball(string Title, string Prompt, int Minutes, string LookFor);

/// <summary>What the interviewer needs for one step of a case.</summary>
/// <param name="Probe">A question that draws the candidate out on this step.</param>
/// <param name="SeniorAnswer">What a solid Senior answer contains.</param>
/// <param name="StaffExtension">What takes the answer to Staff: depth, trade-offs, cost.</param>
/// <param name="RedFlags">Answers that should worry the interviewer in this case.</param>
public sealed record StepHints(string Probe, string SeniorAnswer, string StaffExtension, IReadOnlyList<string> RedFlags)
{
    /// <summary>What a Mid answer contains: enough to pass the step at Mid, short of the Senior answer.</summary>
    public string? MidAnchor { get; init; }

    public const string ProbeLabel = "Probe";
    public const string MidLabel = "Expected Mid answer";
    public const string SeniorLabel = "Expected Senior answer";
    public const string StaffLabel = "Staff extension";
    public const string RedFlagLabel = "Red flag";

    /// <summary>The hints as labelled lines ("Probe: …"), the form the room receives them in.</summary>
    public IReadOnlyList<string> Lines() =>
        [$"{ProbeLabel}: {Probe}", .. MidAnchor is null ? (string[])[] : [$"{MidLabel}: {MidAnchor}"], $"{SeniorLabel}: {SeniorAnswer}", $"{StaffLabel}: {StaffExtension}", .. RedFlags.Select(f => $"{RedFlagLabel}: {f}")];

    /// <summary>One of <see cref="Lines"/> split back into its label and text; a line without a known label has none.</summary>
    public static (string? Label, string Text) SplitLine(string line)
    {
        foreach (var label in (string[])[ProbeLabel, MidLabel, SeniorLabel, StaffLabel, RedFlagLabel])
        {
            if (line.StartsWith(label + ": ", StringComparison.Ordinal))
            {
                return (label, line[(label.Length + 2)..]);
            }
        }
        return (null, line);
    }
}

/// <summary>
/// The numbers a case commits to. Peak is never below average, and when daily requests are given the average
/// request rate must agree with them (within a quarter), so a case cannot contradict itself.
/// </summary>
/// <param name="LatencyBudgetMs">End-to-end budget for one online request at p99; for batch cases, the per-item budget.</param>
/// <param name="CostBudget">The compute or money the system may use, in words.</param>
public sealed record CaseBudgets(double AverageRequestsPerSecond, double PeakRequestsPerSecond, double? DailyRequests, int LatencyBudgetMs, string CostBudget);

/// <summary>Something the interviewer tells the candidate when asked, such as <c>{ "topic": "Scale", "detail": "500M DAU" }</c>.</summary>
public sealed record CaseFact(string Topic, string Detail);

public enum CaseDifficulty
{
    Easy,
    Medium,
    Hard,
}
