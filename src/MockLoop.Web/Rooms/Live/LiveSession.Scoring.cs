using System.Text.Json;
using MockLoop.Core.Rubrics;
using MockLoop.Web.Data;
using MockLoop.Web.Scoring;

namespace MockLoop.Web.Rooms.Live;

/// <summary>
/// Scoring inside the live session. Interviewer scores are interviewer-only entries until the scorecard is
/// submitted; the candidate's self-assessment is candidate-only. Submission computes the result from the rubric and
/// stores the scorecard in the same transaction as its log entry.
/// </summary>
public sealed partial class LiveSession
{
    private readonly Dictionary<CriterionRef, CriterionScored> _scores = [];
    private readonly Dictionary<CriterionRef, CriterionScored> _selfScores = [];
    private readonly HashSet<RedFlagRef> _redFlags = [];
    private ScorecardView? _scorecard;

    public bool IsSubmitted => _scorecard is not null;

    private Decision DecideScoring(Guid userId, SeatRole role, LiveCommand command, DateTimeOffset now)
    {
        switch (command)
        {
            case ScoreCriterion score:
                if (role != SeatRole.Interviewer)
                {
                    return Refuse("interviewer_only", "Only the interviewer scores.");
                }
                if (_scorecard is not null)
                {
                    return Refuse("submitted", "The scorecard is submitted; scores can no longer change.");
                }
                if (CheckCriterion(score.StepId, score.CriterionId, score.Level) is { } invalid)
                {
                    return invalid;
                }
                if (Unstorable("criterion note", score.Note) is { } badNote)
                {
                    return badNote;
                }
                if ((score.Note ?? "").Length > ScoringLimits.NoteMaxLength)
                {
                    return Refuse("too_long", $"A criterion note has at most {ScoringLimits.NoteMaxLength} characters.");
                }
                // Marks not sent keep what was recorded, so a note edit from an older client does not drop them.
                var previous = _scores.GetValueOrDefault(new CriterionRef(score.StepId, score.CriterionId));
                var neededHint = score.NeededHint ?? previous?.NeededHint ?? false;
                var signals = (score.Signals ?? previous?.Signals ?? []).ToList();
                if (CriterionMarkRules.Check(_rubric.FindStep(score.StepId)!.FindCriterion(score.CriterionId)!, score.Level, signals) is { } markError)
                {
                    return Refuse("bad_marks", markError);
                }
                return Entry(SessionLogKinds.Score,
                    new CriterionScored(score.StepId, score.CriterionId, score.Level, Blank(score.Note), neededHint, signals.Order().ToList()),
                    Audience.Interviewer);

            case RecordRedFlag flag:
                if (role != SeatRole.Interviewer)
                {
                    return Refuse("interviewer_only", "Only the interviewer records red flags.");
                }
                if (_scorecard is not null)
                {
                    return Refuse("submitted", "The scorecard is submitted; red flags can no longer change.");
                }
                if (_rubric.FindRedFlag(flag.StepId ?? "", flag.FlagId ?? "") is null)
                {
                    return Refuse("unknown_red_flag", $"The rubric has no red flag '{flag.StepId}/{flag.FlagId}'.");
                }
                return Entry(SessionLogKinds.RedFlag, new RedFlagRecorded(flag.StepId!, flag.FlagId!, flag.Raised), Audience.Interviewer);

            case SelfAssess self:
                if (role != SeatRole.Candidate)
                {
                    return Refuse("candidate_only", "Only the candidate assesses themself.");
                }
                if (_status != SessionStatus.Ended)
                {
                    return Refuse("not_ended", "The self-assessment opens when the interview ends.");
                }
                if (CheckCriterion(self.StepId, self.CriterionId, self.Level) is { } invalidSelf)
                {
                    return invalidSelf;
                }
                return Entry(SessionLogKinds.Self, new CriterionScored(self.StepId, self.CriterionId, self.Level, null), Audience.Candidate);

            case SubmitScorecard submit:
                if (role != SeatRole.Interviewer)
                {
                    return Refuse("interviewer_only", "Only the interviewer submits the scorecard.");
                }
                if (_scorecard is not null)
                {
                    return Refuse("submitted", "The scorecard is already submitted.");
                }
                if (_status != SessionStatus.Ended)
                {
                    return Refuse("not_ended", "End the interview before submitting the scorecard.");
                }
                if (!Enum.TryParse<TargetLevel>(submit.TargetLevel, ignoreCase: true, out var level) || !Enum.IsDefined(level))
                {
                    return Refuse("bad_level", "Choose a target level: Mid, Senior or Staff.");
                }
                if (_scores.Values.All(s => s.Level is null))
                {
                    return Refuse("nothing_scored", "Score at least one criterion before submitting.");
                }
                if ((Unstorable("strengths", submit.Strengths) ?? Unstorable("improvements", submit.Improvements)
                    ?? Unstorable("next step", submit.NextStep)) is { } badFeedback)
                {
                    return badFeedback;
                }
                var feedback = new[] { submit.Strengths, submit.Improvements, submit.NextStep };
                if (feedback.Any(f => (f ?? "").Length > ScoringLimits.FeedbackMaxLength))
                {
                    return Refuse("too_long", $"Each feedback field has at most {ScoringLimits.FeedbackMaxLength} characters.");
                }
                if (string.IsNullOrWhiteSpace(submit.NextStep))
                {
                    return Refuse("next_step_missing", "Write the one most important next step for the candidate.");
                }
                return Entry(SessionLogKinds.Scorecard,
                    new ScorecardSubmitted(level.ToString(), (submit.Strengths ?? "").Trim(), (submit.Improvements ?? "").Trim(), submit.NextStep.Trim()),
                    Audience.Everyone);
        }
        return Refuse("unknown_command", "Unknown command.");

        Decision Entry<T>(string kind, T payload, Audience audience) =>
            new(NewEntry(userId, kind, JsonSerializer.Serialize(payload, Json), audience, now), null, null);
        static Decision Refuse(string code, string message) => new(null, null, CommandResult.Refused(code, message));
    }

    private Decision? CheckCriterion(string stepId, string criterionId, int? level)
    {
        var step = _rubric.FindStep(stepId ?? "");
        if (step?.FindCriterion(criterionId ?? "") is null)
        {
            return new Decision(null, null, CommandResult.Refused("unknown_criterion", $"The rubric has no criterion '{stepId}/{criterionId}'."));
        }
        if (level is < 1 or > 4)
        {
            return new Decision(null, null, CommandResult.Refused("bad_level", "A level is 1 to 4, or not assessed."));
        }
        return null;
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private void ApplyScoring(SessionEventRow entry)
    {
        switch (entry.Kind)
        {
            case SessionLogKinds.Score:
                var score = JsonSerializer.Deserialize<CriterionScored>(entry.Payload, Json)!;
                _scores[new CriterionRef(score.StepId, score.CriterionId)] = score;
                break;
            case SessionLogKinds.Self:
                var self = JsonSerializer.Deserialize<CriterionScored>(entry.Payload, Json)!;
                _selfScores[new CriterionRef(self.StepId, self.CriterionId)] = self;
                break;
            case SessionLogKinds.RedFlag:
                var flag = JsonSerializer.Deserialize<RedFlagRecorded>(entry.Payload, Json)!;
                if (flag.Raised)
                {
                    _redFlags.Add(new RedFlagRef(flag.StepId, flag.FlagId));
                }
                else
                {
                    _redFlags.Remove(new RedFlagRef(flag.StepId, flag.FlagId));
                }
                break;
            case SessionLogKinds.Scorecard:
                var submitted = JsonSerializer.Deserialize<ScorecardSubmitted>(entry.Payload, Json)!;
                _scorecard = BuildScorecard(submitted, entry.At);
                break;
        }
    }

    private Scorecard CurrentScorecard() => new(_scores.ToDictionary(kv => kv.Key, kv => ScoringViews.ToScore(kv.Value)));

    /// <summary>What the verdict needs besides the scores: the red flags, and whether the timer never reached the last step.</summary>
    private VerdictInputs CurrentVerdictInputs() => new(
        _redFlags.ToList(),
        RubricScoring.RanOutOfTime(_rubric, _timer.State.Clocks.Where(c => c.FirstStartedAt is not null).Select(c => c.StepId).ToHashSet()));

    private IReadOnlyList<RedFlagView> RedFlagViews() => ScoringViews.RedFlagViews(_rubric, _redFlags);

    private ScorePreview CurrentPreview() => ScoringViews.Preview(RubricScoring.Score(_rubric, CurrentScorecard()));

    private ScorecardView BuildScorecard(ScorecardSubmitted submitted, DateTimeOffset at)
    {
        var result = RubricScoring.Score(_rubric, CurrentScorecard());
        var level = Enum.Parse<TargetLevel>(submitted.TargetLevel);
        return new ScorecardView(submitted.TargetLevel, submitted.Strengths, submitted.Improvements, submitted.NextStep, at,
            ScoringViews.Preview(result), ScoringViews.Verdict(RubricScoring.Verdict(_rubric, result, level, CurrentVerdictInputs())));
    }

    /// <summary>Writes what a scoring entry makes durable beyond the log: the scorecard tables.</summary>
    private async Task PersistScoringAsync(AppDbContext db, SessionEventRow entry)
    {
        if (entry.Kind == SessionLogKinds.Self)
        {
            var self = JsonSerializer.Deserialize<CriterionScored>(entry.Payload, Json)!;
            var row = await db.Set<CriterionScoreRow>().FindAsync(Id, ScoreSources.Self, self.StepId, self.CriterionId);
            if (row is null)
            {
                db.Add(new CriterionScoreRow { SessionId = Id, Source = ScoreSources.Self, StepId = self.StepId, CriterionId = self.CriterionId, Level = self.Level });
            }
            else
            {
                row.Level = self.Level;
            }
            await db.SaveChangesAsync();
            return;
        }
        if (entry.Kind != SessionLogKinds.Scorecard)
        {
            return;
        }

        var submitted = JsonSerializer.Deserialize<ScorecardSubmitted>(entry.Payload, Json)!;
        var view = BuildScorecard(submitted, entry.At);
        db.Add(new ScorecardRow
        {
            SessionId = Id, RubricId = _rubric.Id, RubricVersion = _rubric.Version,
            InterviewerId = _interviewerId!.Value, CandidateId = _candidateId!.Value, CaseId = _case?.Id,
            TargetLevel = submitted.TargetLevel, Overall = view.Result.Overall, Verdict = view.Verdict.Outcome,
            Strengths = submitted.Strengths, Improvements = submitted.Improvements, NextStep = submitted.NextStep,
            SubmittedAt = entry.At,
        });
        foreach (var step in view.Result.Steps)
        {
            db.Add(new ScorecardStepRow { SessionId = Id, StepId = step.StepId, Score = step.Score });
        }
        foreach (var (key, score) in _scores)
        {
            db.Add(new CriterionScoreRow
            {
                SessionId = Id, Source = ScoreSources.Interviewer, StepId = key.StepId, CriterionId = key.CriterionId,
                Level = score.Level, Note = score.Note,
            });
        }
        await db.SaveChangesAsync();
    }

    private IReadOnlyList<CriterionScoreView> ScoreViews(IEnumerable<CriterionScored> scores) =>
        scores.Select(s => new CriterionScoreView(s.StepId, s.CriterionId, s.Level, s.Note, s.NeededHint, s.Signals ?? [])).ToList();
}
