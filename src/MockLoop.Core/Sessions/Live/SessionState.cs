using System.Collections.Immutable;
using MockLoop.Core.Contracts;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Sessions;

/// <summary>A chat message as the session keeps it; the author's display name is added when it is shown.</summary>
public sealed record ChatLine(long Seq, Guid AuthorId, string Text, DateTimeOffset At);

/// <summary>When the scorecard was submitted, and what it said.</summary>
public sealed record SubmittedScorecard(ScorecardSubmitted Submitted, DateTimeOffset At);

/// <summary>
/// Everything a live session knows, folded from its log by <see cref="Apply(SessionState, SessionEntry)"/> and
/// nothing else. Lists keep the order things first happened (scores, notes, red flags), as the room shows them.
/// </summary>
public sealed partial record SessionState
{
    /// <summary>The last sequence applied (0: nothing yet).</summary>
    public long Seq { get; init; }

    public SessionStatus Status { get; init; }

    public required TimerState Timer { get; init; }

    public DiagramDocument Diagram { get; init; } = DiagramDocument.Empty;

    /// <summary>The latest <see cref="SessionLimits.ChatKept"/> messages; older ones stay in the log.</summary>
    public ImmutableList<ChatLine> Chat { get; init; } = [];

    /// <summary>Set once a message was dropped from <see cref="Chat"/>: clients page older ones from the log.</summary>
    public bool OlderChat { get; init; }

    /// <summary>One note per step, the latest text.</summary>
    public ImmutableList<NoteView> Notes { get; init; } = [];

    /// <summary>The interviewer's scores, one per criterion.</summary>
    public ImmutableList<CriterionScored> Scores { get; init; } = [];

    /// <summary>The candidate's self-assessment, one per criterion.</summary>
    public ImmutableList<SelfAssessed> SelfScores { get; init; } = [];

    public ImmutableList<RedFlagRef> RedFlags { get; init; } = [];

    public SubmittedScorecard? Scorecard { get; init; }

    public bool IsEnded => Status == SessionStatus.Ended;

    public bool IsSubmitted => Scorecard is not null;

    /// <summary>A session before its first entry: the timer on the rubric's steps, the status its row has.</summary>
    public static SessionState Start(SessionDefinition definition, SessionStatus status) =>
        new() { Status = status, Timer = TimerState.NotStarted(definition.TimerSteps) };

    /// <summary>
    /// A state saved in a snapshot, with the status the session's row has now. Seats fill and no-shows end a session
    /// outside its log, so the row's status counts until the timer says otherwise, exactly as when replaying the log.
    /// </summary>
    public static SessionState Resume(SessionState saved, SessionStatus rowStatus)
    {
        ArgumentNullException.ThrowIfNull(saved);
        return saved with
        {
            Status = saved.Timer.Status switch
            {
                TimerStatus.NotStarted => rowStatus,
                TimerStatus.Ended => SessionStatus.Ended,
                _ => SessionStatus.Live,
            },
        };
    }

    public CriterionScored? ScoreOf(string stepId, string criterionId) =>
        Scores.Find(s => s.StepId == stepId && s.CriterionId == criterionId);

    // ImmutableList and the timer's arrays compare by reference; a state loaded from a snapshot must equal a replayed one.
    public bool Equals(SessionState? other) =>
        other is not null
        && Seq == other.Seq
        && Status == other.Status
        && Timer.Equals(other.Timer)
        && Diagram.Equals(other.Diagram)
        && Chat.SequenceEqual(other.Chat)
        && OlderChat == other.OlderChat
        && Notes.SequenceEqual(other.Notes)
        && Scores.SequenceEqual(other.Scores, ScoreComparer.Instance)
        && SelfScores.SequenceEqual(other.SelfScores)
        && RedFlags.SequenceEqual(other.RedFlags)
        && Equals(Scorecard, other.Scorecard);

    public override int GetHashCode() => HashCode.Combine(Seq, Status, Chat.Count, Scores.Count);

    /// <summary>Scores hold a list of signals, which records compare by reference.</summary>
    private sealed class ScoreComparer : IEqualityComparer<CriterionScored>
    {
        public static readonly ScoreComparer Instance = new();

        public bool Equals(CriterionScored? x, CriterionScored? y) =>
            x is not null && y is not null
            && x with { Signals = null } == y with { Signals = null }
            && (x.Signals ?? []).SequenceEqual(y.Signals ?? []);

        public int GetHashCode(CriterionScored obj) => HashCode.Combine(obj.StepId, obj.CriterionId, obj.Level);
    }
}
