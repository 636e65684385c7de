using MockLoop.Core.Sessions;

namespace MockLoop.Web.Rooms;

public sealed partial class InterviewHub
{
    /// <summary>Interviewer only: a criterion's level 1–4, or null for "not assessed", with an optional note.</summary>
    public Task<CommandResult> ScoreCriterion(string stepId, string criterionId, int? level, string? note, string? clientId) =>
        SubmitAsync(new ScoreCriterion(stepId, criterionId, level, note), clientId);

    /// <summary>
    /// Interviewer only: a level with its marks — whether the candidate needed a hint (counts at most 3) and which
    /// strong signals they showed (level 4 needs two). <see cref="ScoreCriterion"/> keeps the marks already recorded.
    /// </summary>
    public Task<CommandResult> ScoreCriterionMarks(string stepId, string criterionId, int? level, string? note, bool neededHint, int[] signals, string? clientId) =>
        SubmitAsync(new ScoreCriterion(stepId, criterionId, level, note, neededHint, signals ?? []), clientId);

    /// <summary>Interviewer only: records (or withdraws) one of a step's red flags; any one caps the verdict.</summary>
    public Task<CommandResult> RecordRedFlag(string stepId, string flagId, bool raised, string? clientId) =>
        SubmitAsync(new RecordRedFlag(stepId, flagId, raised), clientId);

    /// <summary>Candidate only, once the interview has ended.</summary>
    public Task<CommandResult> SelfAssess(string stepId, string criterionId, int? level, string? clientId) =>
        SubmitAsync(new SelfAssess(stepId, criterionId, level), clientId);

    /// <summary>Interviewer only, once the interview has ended: completes the session and reveals the scores.</summary>
    public Task<CommandResult> SubmitScorecard(string targetLevel, string strengths, string improvements, string nextStep, string? clientId) =>
        SubmitAsync(new SubmitScorecard(targetLevel, strengths, improvements, nextStep), clientId);
}
