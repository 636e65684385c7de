using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Reports;

/// <summary>
/// The report of a submitted interview as both participants see it, computed once when the scorecard is submitted
/// (docs/decisions/165) and stored beside it. It holds results and the rubric's ids, not the rubric's words: the
/// page takes titles and descriptors from the exact rubric version the session used.
/// </summary>
/// <remarks>
/// Both seats see the same report, so there is one projection. What the candidate must never see is not in it:
/// the interviewer's step notes stay in the log; criterion notes are in it because the submission reveals them.
/// </remarks>
/// <param name="Version">The shape this was computed with; rows of an older shape are computed again at start-up.</param>
/// <param name="Steps">One per rubric step, in rubric order.</param>
/// <param name="Coverage">The case's components against the final diagram; null when the session had no case.</param>
public sealed record ReportProjection(
    int Version,
    string RubricId,
    int RubricVersion,
    string? CaseId,
    TargetLevel TargetLevel,
    DateTimeOffset SubmittedAt,
    ReportFeedback Feedback,
    double? Overall,
    IReadOnlyList<ReportStepResult> Steps,
    LevelVerdict Verdict,
    ReportCoverage? Coverage)
{
    /// <summary>Raise it when the shape or the rules behind it change: start-up then recomputes every stored one.</summary>
    public const int CurrentVersion = 1;

    public ReportStepResult? Step(string stepId) => Steps.FirstOrDefault(s => s.StepId == stepId);
}

/// <summary>The interviewer's written feedback.</summary>
public sealed record ReportFeedback(string Strengths, string Improvements, string NextStep);

/// <param name="Score">Mean of the assessed criteria (hint caps applied); null when none was assessed.</param>
/// <param name="UsedSeconds">Time the step's clock ran (0 when it never started).</param>
/// <param name="Criteria">One per rubric criterion of the step, in rubric order.</param>
public sealed record ReportStepResult(string StepId, double? Score, double UsedSeconds, IReadOnlyList<ReportCriterionResult> Criteria);

/// <summary>One criterion: the interviewer's level, note and marks, and the candidate's own level.</summary>
/// <param name="Signals">Indexes into the criterion's strong signals.</param>
public sealed record ReportCriterionResult(
    string CriterionId, int? Level, string? Note, bool NeededHint, IReadOnlyList<int> Signals, int? SelfLevel);

/// <summary>Component ids of the case: core ones drawn and missing in the final diagram, and optional ones drawn.</summary>
public sealed record ReportCoverage(IReadOnlyList<string> Present, IReadOnlyList<string> Missing, IReadOnlyList<string> OptionalPresent);
