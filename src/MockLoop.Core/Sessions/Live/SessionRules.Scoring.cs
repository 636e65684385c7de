using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Sessions;

/// <summary>
/// Scoring rules. Interviewer scores and red flags are interviewer-only entries until the scorecard is submitted,
/// then frozen; the candidate's self-assessment opens when the interview ends and is candidate-only.
/// </summary>
public static partial class SessionRules
{
    private static SessionDecision DecideScore(SessionDefinition definition, SessionState state, SeatRole role, ScoreCriterion score, DateTimeOffset now)
    {
        if (role != SeatRole.Interviewer)
        {
            return SessionDecision.Refuse("interviewer_only", "Only the interviewer scores.");
        }
        if (state.IsSubmitted)
        {
            return SessionDecision.Refuse("submitted", "The scorecard is submitted; scores can no longer change.");
        }
        if (CheckCriterion(definition.Rubric, score.StepId, score.CriterionId, score.Level) is { } invalid)
        {
            return invalid;
        }
        if (Unstorable("criterion note", score.Note) is { } badNote)
        {
            return badNote;
        }
        if ((score.Note ?? "").Length > SessionLimits.CriterionNoteMaxLength)
        {
            return SessionDecision.Refuse("too_long", $"A criterion note has at most {SessionLimits.CriterionNoteMaxLength} characters.");
        }
        // Marks not sent keep what was recorded, so a note edit from an older client does not drop them.
        var previous = state.ScoreOf(score.StepId, score.CriterionId);
        var neededHint = score.NeededHint ?? previous?.NeededHint ?? false;
        var signals = (score.Signals ?? previous?.Signals ?? []).ToList();
        var criterion = definition.Rubric.FindStep(score.StepId)!.FindCriterion(score.CriterionId)!;
        if (CriterionMarkRules.Check(criterion, score.Level, signals) is { } markError)
        {
            return SessionDecision.Refuse("bad_marks", markError);
        }
        return SessionDecision.Store(
            new CriterionScored(score.StepId, score.CriterionId, score.Level, Blank(score.Note), neededHint, signals.Order().ToList()),
            Audience.Interviewer, now);
    }

    private static SessionDecision DecideRedFlag(SessionDefinition definition, SessionState state, SeatRole role, RecordRedFlag flag, DateTimeOffset now)
    {
        if (role != SeatRole.Interviewer)
        {
            return SessionDecision.Refuse("interviewer_only", "Only the interviewer records red flags.");
        }
        if (state.IsSubmitted)
        {
            return SessionDecision.Refuse("submitted", "The scorecard is submitted; red flags can no longer change.");
        }
        if (definition.Rubric.FindRedFlag(flag.StepId ?? "", flag.FlagId ?? "") is null)
        {
            return SessionDecision.Refuse("unknown_red_flag", $"The rubric has no red flag '{flag.StepId}/{flag.FlagId}'.");
        }
        return SessionDecision.Store(new RedFlagRecorded(flag.StepId!, flag.FlagId!, flag.Raised), Audience.Interviewer, now);
    }

    private static SessionDecision DecideSelf(SessionDefinition definition, SessionState state, SeatRole role, SelfAssess self, DateTimeOffset now)
    {
        if (role != SeatRole.Candidate)
        {
            return SessionDecision.Refuse("candidate_only", "Only the candidate assesses themself.");
        }
        if (!state.IsEnded)
        {
            return SessionDecision.Refuse("not_ended", "The self-assessment opens when the interview ends.");
        }
        if (CheckCriterion(definition.Rubric, self.StepId, self.CriterionId, self.Level) is { } invalid)
        {
            return invalid;
        }
        return SessionDecision.Store(new SelfAssessed(self.StepId, self.CriterionId, self.Level), Audience.Candidate, now);
    }

    private static SessionDecision DecideScorecard(SessionState state, SeatRole role, SubmitScorecard submit, DateTimeOffset now)
    {
        if (role != SeatRole.Interviewer)
        {
            return SessionDecision.Refuse("interviewer_only", "Only the interviewer submits the scorecard.");
        }
        if (state.IsSubmitted)
        {
            return SessionDecision.Refuse("submitted", "The scorecard is already submitted.");
        }
        if (!state.IsEnded)
        {
            return SessionDecision.Refuse("not_ended", "End the interview before submitting the scorecard.");
        }
        if (!Enum.TryParse<TargetLevel>(submit.TargetLevel, ignoreCase: true, out var level) || !Enum.IsDefined(level))
        {
            return SessionDecision.Refuse("bad_level", "Choose a target level: Mid, Senior or Staff.");
        }
        if (state.Scores.All(s => s.Level is null))
        {
            return SessionDecision.Refuse("nothing_scored", "Score at least one criterion before submitting.");
        }
        if ((Unstorable("strengths", submit.Strengths) ?? Unstorable("improvements", submit.Improvements)
            ?? Unstorable("next step", submit.NextStep)) is { } badFeedback)
        {
            return badFeedback;
        }
        if (new[] { submit.Strengths, submit.Improvements, submit.NextStep }.Any(f => (f ?? "").Length > SessionLimits.FeedbackMaxLength))
        {
            return SessionDecision.Refuse("too_long", $"Each feedback field has at most {SessionLimits.FeedbackMaxLength} characters.");
        }
        if (string.IsNullOrWhiteSpace(submit.NextStep))
        {
            return SessionDecision.Refuse("next_step_missing", "Write the one most important next step for the candidate.");
        }
        return SessionDecision.Store(
            new ScorecardSubmitted(level.ToString(), (submit.Strengths ?? "").Trim(), (submit.Improvements ?? "").Trim(), submit.NextStep.Trim()),
            Audience.Everyone, now);
    }

    private static SessionDecision? CheckCriterion(Rubric rubric, string stepId, string criterionId, int? level)
    {
        if (rubric.FindStep(stepId ?? "")?.FindCriterion(criterionId ?? "") is null)
        {
            return SessionDecision.Refuse("unknown_criterion", $"The rubric has no criterion '{stepId}/{criterionId}'.");
        }
        return level is < 1 or > 4 ? SessionDecision.Refuse("bad_level", "A level is 1 to 4, or not assessed.") : null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
