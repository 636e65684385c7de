namespace MockLoop.Core.Cases;

/// <summary>
/// An interview prompt written for one rubric: what the candidate reads, the facts the interviewer reveals when
/// asked, hints for the interviewer per step, and the components a strong design contains.
/// </summary>
/// <param name="RubricId">The rubric the case is written for; hints are keyed by its step ids.</param>
/// <param name="Prompt">What the candidate reads at the start.</param>
/// <param name="Facts">Scale, catalogue size, latency budget, data and labels: revealed only when the candidate asks.</param>
/// <param name="Hints">Interviewer-only notes by step id, in the rubric's step order. Never send them to a candidate.</param>
/// <param name="ExpectedComponents">Ids from the component vocabulary that a strong answer puts on the canvas.</param>
public sealed record InterviewCase(
    string Id,
    string RubricId,
    string Title,
    string Prompt,
    IReadOnlyList<CaseFact> Facts,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Hints,
    IReadOnlyList<string> ExpectedComponents,
    CaseDifficulty? Difficulty)
{
    /// <summary>The hints for one step, empty when the case has none for it.</summary>
    public IReadOnlyList<string> HintsFor(string stepId) => Hints.GetValueOrDefault(stepId) ?? [];
}

/// <summary>Something the interviewer tells the candidate when asked, such as <c>{ "topic": "Scale", "detail": "500M DAU" }</c>.</summary>
public sealed record CaseFact(string Topic, string Detail);

public enum CaseDifficulty
{
    Easy,
    Medium,
    Hard,
}
