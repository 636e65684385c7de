namespace MockLoop.Core.Rubrics;

/// <summary>
/// The kinds of system a case asks for, so red flags that only make sense for one kind (no latency budget on an
/// online path) are not held against a batch design.
/// </summary>
public static class SystemKinds
{
    /// <summary>Answers a request while someone waits: a latency budget per request matters.</summary>
    public const string Online = "online";

    /// <summary>Scores items on a schedule or from a backlog: throughput and freshness matter, request latency does not.</summary>
    public const string Batch = "batch";

    public static IReadOnlyList<string> All { get; } = [Online, Batch];
}
