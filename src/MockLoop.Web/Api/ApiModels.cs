using MockLoop.Core.Progress;

namespace MockLoop.Web.Api;

/// <summary>The progress page's figures for one rubric version and target level, as the page computes them.</summary>
public sealed record ProgressResponse(
    IReadOnlyList<string> Rubrics,
    string? Rubric,
    string? RubricTitle,
    string TargetLevel,
    int ScoredSessions,
    IReadOnlyList<TrendPoint> OverallTrend,
    ReadinessResponse? Readiness,
    IReadOnlyList<StepRow> StepScores,
    IReadOnlyList<StepTimeUse> TimeUse,
    IReadOnlyList<WeakStep> WeakestSteps,
    IReadOnlyList<WeakCriterion> WeakestCriteria);

public sealed record ReadinessResponse(
    string Status, double? AverageOverall, double RequiredOverall, double RequiredStep, int StepsMeetingBar, int StepsAssessed, int SessionsConsidered);

/// <summary>One scored session of the caller's as a candidate, with the address of its report page.</summary>
public sealed record SessionResponse(
    Guid SessionId,
    DateTimeOffset SubmittedAt,
    string Rubric,
    string? CaseTitle,
    string TargetLevel,
    double? Overall,
    string Verdict,
    IReadOnlyDictionary<string, double?> StepScores,
    string Strengths,
    string Improvements,
    string NextStep,
    string ReportUrl);

public sealed record SessionsResponse(IReadOnlyList<SessionResponse> Sessions);
