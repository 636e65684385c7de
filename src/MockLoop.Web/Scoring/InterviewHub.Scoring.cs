using MockLoop.Core.Sessions;

namespace MockLoop.Web.Rooms;

public sealed partial class InterviewHub
{
    /// <summary>
    /// Interviewer only: a level with its marks — whether the candidate needed a hint (counts at most 3) and which
    /// strong signals they showed (level 4 needs two).
    /// </summary>
    [Limited(RateKind.Durable)]
    public Task<CommandResult> ScoreCriterionMarks(string stepId, string criterionId, int? level, string? note, bool neededHint, int[] signals, string? clientId) =>
        SubmitAsync(new ScoreCriterion(stepId, criterionId, level, note, neededHint, signals ?? []), clientId);

    /// <summary>Interviewer only: records (or withdraws) one of a step's red flags; any one caps the verdict.</summary>
    [Limited(RateKind.Durable)]
    public Task<CommandResult> RecordRedFlag(string stepId, string flagId, bool raised, string? clientId) =>
        SubmitAsync(new RecordRedFlag(stepId, flagId, raised), clientId);

    /// <summary>Candidate only, once the interview has ended.</summary>
    [Limited(RateKind.Durable)]
    public Task<CommandResult> SelfAssess(string stepId, string criterionId, int? level, string? clientId) =>
        SubmitAsync(new SelfAssess(stepId, criterionId, level), clientId);

    /// <summary>Interviewer only, once the interview has ended: completes the session and reveals the scores.</summary>
    [Limited(RateKind.Durable)]
    public Task<CommandResult> SubmitScorecard(string targetLevel, string strengths, string improvements, string nextStep, string? clientId) =>
        SubmitAsync(new SubmitScorecard(targetLevel, strengths, improvements, nextStep), clientId);
}
