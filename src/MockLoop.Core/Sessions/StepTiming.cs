namespace MockLoop.Core.Sessions;

/// <summary>
/// How a step actually went, for the session record: first start, last end (wall clock, so they span any pauses or
/// later revisits) and the used seconds (pauses excluded, revisits included).
/// </summary>
public sealed record StepTiming(string StepId, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt, double UsedSeconds);
