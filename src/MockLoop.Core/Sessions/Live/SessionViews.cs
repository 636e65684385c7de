using MockLoop.Core.Contracts;
using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Sessions;

/// <summary>
/// What each seat sees of a session: the snapshot a client starts from, and each log entry as a message. Hidden
/// information is cut here, on the server: notes stay with the interviewer; scores, red flags and the preview stay
/// with the interviewer and the self-assessment with the candidate until the scorecard is submitted.
/// </summary>
public static class SessionViews
{
    public static RoomSnapshot Snapshot(
        SessionDefinition definition, SessionState state, SeatRole role, IReadOnlyDictionary<Guid, string> names)
    {
        var isInterviewer = role == SeatRole.Interviewer;
        var submitted = state.IsSubmitted;
        var rubric = definition.Rubric;
        var interviewCase = definition.Case;
        var caseView = interviewCase is null
            ? null
            : new CaseView(
                interviewCase.Id, interviewCase.Title, interviewCase.Prompt,
                isInterviewer ? interviewCase.Facts : null,
                isInterviewer ? rubric.Steps.ToDictionary(s => s.Id, s => interviewCase.HintsFor(s.Id)) : null,
                isInterviewer || submitted ? interviewCase.ReferenceDiagram : null);
        return new RoomSnapshot(
            state.Status.ToString(),
            state.Chat.Select(line => Chat(line, names)).ToList(),
            isInterviewer ? state.Notes.ToList() : null,
            caseView,
            new RubricView(rubric.Id, rubric.Version, rubric.Title, rubric.Steps, rubric.Expectations),
            state.Diagram.ToSnapshot(),
            definition.ComponentTypes,
            isInterviewer || submitted ? Scores(state) : null,
            !isInterviewer || submitted ? SelfScores(state) : null,
            isInterviewer || submitted ? Preview(definition, state) : null,
            Scorecard(definition, state),
            isInterviewer || submitted ? RedFlags(definition, state) : null,
            state.OlderChat);
    }

    /// <summary>
    /// One entry as <paramref name="role"/> sees it, against the state right after the entry was applied. An entry
    /// for the other seat becomes a bare <see cref="PrivateEntry"/>, so both keep a gap-free sequence.
    /// </summary>
    /// <param name="timer">The timer's view for timer entries (taken with the server's clock); null otherwise.</param>
    public static SessionEvent Message(
        SessionDefinition definition, SessionState state, SessionEntry entry, SeatRole role, TimerView? timer,
        IReadOnlyDictionary<Guid, string> names) =>
        IsFor(entry.Audience, role) ? Event(definition, state, entry, timer, names) : Private(entry);

    /// <summary>Whether a seat sees an entry of this audience (or only its sequence number).</summary>
    public static bool IsFor(Audience audience, SeatRole role) =>
        audience switch
        {
            Audience.Interviewer => role == SeatRole.Interviewer,
            Audience.Candidate => role == SeatRole.Candidate,
            _ => true,
        };

    public static PrivateEntry Private(SessionEntry entry) => new() { Seq = entry.Seq, At = entry.At };

    /// <summary>The entry as those entitled to it see it: what the log stores and what they are sent.</summary>
    public static SessionEvent Event(
        SessionDefinition definition, SessionState state, SessionEntry entry, TimerView? timer,
        IReadOnlyDictionary<Guid, string> names)
    {
        SessionEvent @event = entry.Change switch
        {
            ChatPosted chat => new ChatEntry(Chat(new ChatLine(entry.Seq, entry.AuthorId, chat.Text, entry.At), names)),
            NoteSaved note => new NoteEntry(new NoteView(note.StepId, note.Text, entry.At)),
            CriterionScored score => new ScoreEntry(ScoreView(score), Preview(definition, state)),
            SelfAssessed self => new SelfEntry(ScoreView(self)),
            // The reveal: from submission on, the candidate gets every score and the interviewer the self-assessment.
            ScorecardSubmitted => new ScorecardEntry(
                Scorecard(definition, state)!, Preview(definition, state), Scores(state), SelfScores(state), RedFlags(definition, state)),
            RedFlagRecorded flag => new RedFlagEntry(flag.StepId, flag.FlagId, flag.Raised, RedFlags(definition, state)),
            DiagramChanged diagram => new DiagramEntry(diagram.Event.Op),
            TimerChanged changed => new TimerEntry(changed.Event, timer ?? state.Timer.View(entry.At), state.Status),
            _ => throw new ArgumentOutOfRangeException(nameof(entry), entry.Change.GetType().Name, "A change with no event."),
        };
        return @event with { Seq = entry.Seq, At = entry.At, AuthorId = entry.AuthorId, ClientId = entry.ClientId };
    }

    public static ChatMessageView Chat(ChatLine line, IReadOnlyDictionary<Guid, string> names) =>
        new(line.Seq, line.AuthorId, names.GetValueOrDefault(line.AuthorId, "Participant"), line.Text, line.At);

    public static ScorePreview Preview(SessionDefinition definition, SessionState state) =>
        ScoringViews.Preview(RubricScoring.Score(definition.Rubric, CurrentScorecard(state)));

    /// <summary>The submitted scorecard with its result and verdict (scores and flags are frozen once it is submitted).</summary>
    public static ScorecardView? Scorecard(SessionDefinition definition, SessionState state)
    {
        if (state.Scorecard is not { } card)
        {
            return null;
        }
        var rubric = definition.Rubric;
        var result = RubricScoring.Score(rubric, CurrentScorecard(state));
        var level = Enum.Parse<TargetLevel>(card.Submitted.TargetLevel);
        var reached = state.Timer.Clocks.Where(c => c.FirstStartedAt is not null).Select(c => c.StepId).ToHashSet();
        var inputs = new VerdictInputs(state.RedFlags, RubricScoring.RanOutOfTime(rubric, reached)) { SystemKind = definition.Case?.SystemKind };
        return new ScorecardView(
            card.Submitted.TargetLevel, card.Submitted.Strengths, card.Submitted.Improvements, card.Submitted.NextStep, card.At,
            ScoringViews.Preview(result), ScoringViews.Verdict(RubricScoring.Verdict(rubric, result, level, inputs)));
    }

    public static IReadOnlyList<CriterionScoreView> Scores(SessionState state) => state.Scores.Select(ScoreView).ToList();

    public static IReadOnlyList<CriterionScoreView> SelfScores(SessionState state) => state.SelfScores.Select(ScoreView).ToList();

    public static IReadOnlyList<RedFlagView> RedFlags(SessionDefinition definition, SessionState state) =>
        ScoringViews.RedFlagViews(definition.Rubric, state.RedFlags);

    private static Scorecard CurrentScorecard(SessionState state) =>
        new(state.Scores.ToDictionary(s => new CriterionRef(s.StepId, s.CriterionId), ScoringViews.ToScore));

    private static CriterionScoreView ScoreView(CriterionScored s) => new(s.StepId, s.CriterionId, s.Level, s.Note, s.NeededHint, s.Signals ?? []);

    private static CriterionScoreView ScoreView(SelfAssessed s) => new(s.StepId, s.CriterionId, s.Level, null, false, []);
}

/// <summary>Scoring results as the contract shows them (the room, the report).</summary>
public static class ScoringViews
{
    public static ScorePreview Preview(ScoreResult result) =>
        new(result.Overall, result.Steps.Select(s => new StepScoreView(s.StepId, s.Score, s.AssessedCriteria, s.TotalCriteria)).ToList());

    public static VerdictView Verdict(LevelVerdict verdict) =>
        new(verdict.Level.ToString(), verdict.Outcome.ToString(), verdict.Overall, verdict.Bar.MinOverall,
            verdict.StepsBelowBar.Select(s => s.StepId).ToList(), verdict.UnassessedSteps,
            verdict.RedFlags.Select(f => new RedFlagView(f.StepId, f.Flag.Id, f.Flag.Description)).ToList(),
            verdict.RanOutOfTime, verdict.Depth?.Required, verdict.Depth?.Reached);

    public static CriterionScore ToScore(CriterionScored scored) =>
        scored.Level is { } level ? CriterionScore.Of(level, scored.NeededHint) : CriterionScore.NotAssessed;

    public static IReadOnlyList<RedFlagView> RedFlagViews(Rubric rubric, IEnumerable<RedFlagRef> flags) =>
        flags.Select(f => new RedFlagView(f.StepId, f.FlagId, rubric.FindRedFlag(f.StepId, f.FlagId)?.Description ?? f.FlagId)).ToList();
}
