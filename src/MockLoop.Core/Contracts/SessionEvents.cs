using System.Text.Json.Serialization;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Sessions;

namespace MockLoop.Core.Contracts;

/// <summary>
/// One entry of a session's log, as it is stored, published to the room's connections, applied by the client and read
/// by a replay: one type, encoded once by the session's writer (<see cref="ContractJson"/>). Each kind carries what it
/// needs and nothing else. An entry for the other seat only reaches a participant as <see cref="PrivateEntry"/>, so
/// both keep a gap-free sequence.
/// </summary>
/// <remarks>
/// Kinds add what the room shows with them at that moment (the chat author's name, the score preview, the timer's
/// view): stored with the entry, a replay shows the room as it was, and the client computes nothing the server decides.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TimerEntry), SessionEventKinds.Timer)]
[JsonDerivedType(typeof(ChatEntry), SessionEventKinds.Chat)]
[JsonDerivedType(typeof(NoteEntry), SessionEventKinds.Note)]
[JsonDerivedType(typeof(DiagramEntry), SessionEventKinds.Diagram)]
[JsonDerivedType(typeof(ScoreEntry), SessionEventKinds.Score)]
[JsonDerivedType(typeof(SelfEntry), SessionEventKinds.Self)]
[JsonDerivedType(typeof(RedFlagEntry), SessionEventKinds.RedFlag)]
[JsonDerivedType(typeof(ScorecardEntry), SessionEventKinds.Scorecard)]
[JsonDerivedType(typeof(PrivateEntry), SessionEventKinds.Private)]
public abstract record SessionEvent
{
    public long Seq { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>Who made the change (absent on a private entry).</summary>
    public Guid? AuthorId { get; init; }

    /// <summary>The author's change id, so the author's client recognises its own change coming back.</summary>
    public string? ClientId { get; init; }
}

/// <param name="Event">The timer's event itself (what a replay applies).</param>
/// <param name="Timer">The timer as it stood right after, on the server's clock.</param>
public sealed record TimerEntry(TimerEvent Event, TimerView Timer, SessionStatus Status) : SessionEvent;

public sealed record ChatEntry(ChatMessageView Chat) : SessionEvent;

/// <summary>The interviewer's private note on a step (interviewer only).</summary>
public sealed record NoteEntry(NoteView Note) : SessionEvent;

public sealed record DiagramEntry(DiagramOp Op) : SessionEvent;

/// <summary>The interviewer's level for one criterion, with the score as it then stood (interviewer only until submission).</summary>
public sealed record ScoreEntry(CriterionScoreView Score, ScorePreview Preview) : SessionEvent;

/// <summary>The candidate's own level for one criterion (candidate only until submission).</summary>
public sealed record SelfEntry(CriterionScoreView Score) : SessionEvent;

/// <summary>A red flag raised or withdrawn, with every flag then recorded (interviewer only until submission).</summary>
public sealed record RedFlagEntry(string StepId, string FlagId, bool Raised, IReadOnlyList<RedFlagView> RedFlags) : SessionEvent;

/// <summary>
/// The scorecard, and the reveal that comes with it: from here on both seats see every score, the self-assessment
/// and the red flags.
/// </summary>
public sealed record ScorecardEntry(
    ScorecardView Scorecard,
    ScorePreview Preview,
    IReadOnlyList<CriterionScoreView> Scores,
    IReadOnlyList<CriterionScoreView> SelfScores,
    IReadOnlyList<RedFlagView> RedFlags) : SessionEvent;

/// <summary>An entry for the other seat: nothing but its sequence number and time. Never stored.</summary>
public sealed record PrivateEntry : SessionEvent;
