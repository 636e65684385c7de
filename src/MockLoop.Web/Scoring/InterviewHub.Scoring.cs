using MockLoop.Web.Rooms.Live;

namespace MockLoop.Web.Rooms;

public sealed partial class InterviewHub
{
    /// <summary>Interviewer only: a criterion's level 1–4, or null for "not assessed", with an optional note.</summary>
    public Task<CommandResult> ScoreCriterion(string stepId, string criterionId, int? level, string? note, string? clientId) =>
        SubmitAsync(new ScoreCriterion(stepId, criterionId, level, note), clientId);

    /// <summary>Candidate only, once the interview has ended.</summary>
    public Task<CommandResult> SelfAssess(string stepId, string criterionId, int? level, string? clientId) =>
        SubmitAsync(new SelfAssess(stepId, criterionId, level), clientId);

    /// <summary>Interviewer only, once the interview has ended: completes the session and reveals the scores.</summary>
    public Task<CommandResult> SubmitScorecard(string targetLevel, string strengths, string improvements, string nextStep, string? clientId) =>
        SubmitAsync(new SubmitScorecard(targetLevel, strengths, improvements, nextStep), clientId);
}
