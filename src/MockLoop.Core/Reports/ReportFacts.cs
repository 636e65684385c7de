using MockLoop.Core.Rubrics;
using MockLoop.Core.Sessions;

namespace MockLoop.Core.Reports;

/// <summary>
/// What a report is computed from, whichever way it was gathered: from the live session's state at submission, or
/// from the tables and log of a session submitted before reports were stored.
/// </summary>
/// <param name="Scores">The interviewer's last score per criterion, with its marks.</param>
/// <param name="SelfScores">The candidate's last level per criterion.</param>
/// <param name="RedFlags">The red flags standing at submission.</param>
/// <param name="StepTimings">Each step whose clock ever started, with the seconds it ran.</param>
/// <param name="FinalDiagramComponents">The component types drawn in the diagram as the interview ended.</param>
public sealed record ReportFacts(
    TargetLevel TargetLevel,
    DateTimeOffset SubmittedAt,
    ReportFeedback Feedback,
    IReadOnlyList<CriterionScored> Scores,
    IReadOnlyList<SelfAssessed> SelfScores,
    IReadOnlyList<RedFlagRef> RedFlags,
    IReadOnlyDictionary<string, double> StepTimings,
    IReadOnlySet<string> FinalDiagramComponents);
