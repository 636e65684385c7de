using MockLoop.Core.Cases;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Rubrics;
using MockLoop.Core.Sessions;

namespace MockLoop.Core.Contracts;

public sealed record ChatMessageView(long Seq, Guid AuthorId, string AuthorName, string Text, DateTimeOffset At);

public sealed record NoteView(string StepId, string Text, DateTimeOffset At);

/// <summary>The case as one participant may see it: facts and hints only for the interviewer.</summary>
/// <param name="ReferenceDesign">
/// The case's reference design (a strong diagram), for the interviewer to compare against while the candidate draws;
/// the candidate gets it only once the scorecard is submitted (as the report shows it). Null when the case has none.
/// Added after the first version of the contract, so older clients simply ignore it.
/// </param>
public sealed record CaseView(
    string Id,
    string Title,
    string Prompt,
    IReadOnlyList<CaseFact>? Facts,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Hints,
    DiagramSnapshot? ReferenceDesign = null);

/// <summary>The rubric in full (steps, criteria, level descriptors): the scoring panel and the self-assessment need it.</summary>
/// <param name="Expectations">What Mid, Senior and Staff look like in the room, when the rubric says.</param>
public sealed record RubricView(string Id, int Version, string Title, IReadOnlyList<RubricStep> Steps, LevelExpectations? Expectations = null);

/// <summary>Everything a client needs to show the room from scratch.</summary>
public sealed record RoomSnapshot(
    string Status,
    IReadOnlyList<ChatMessageView> Chat,
    IReadOnlyList<NoteView>? Notes,
    CaseView? Case,
    RubricView Rubric,
    DiagramSnapshot Diagram,
    IReadOnlyList<string> ComponentTypes,
    IReadOnlyList<CriterionScoreView>? Scores,
    IReadOnlyList<CriterionScoreView>? SelfScores,
    ScorePreview? Preview,
    ScorecardView? Scorecard,
    IReadOnlyList<RedFlagView>? RedFlags = null,
    bool OlderChat = false);

/// <summary>
/// Chat older than a given sequence, oldest first; <paramref name="HasMore"/> when there is older still. A snapshot
/// carries only the latest messages (and <c>OlderChat</c>), so a long chat never makes every reconnect large.
/// </summary>
public sealed record ChatPage(IReadOnlyList<ChatMessageView> Messages, bool HasMore);

/// <summary>
/// The answer to Sync(lastSeq): the entries after lastSeq, or a snapshot when there are too many (or the client has
/// nothing); always the current timer, so a display can count on from server timestamps.
/// </summary>
public sealed record SyncResult(
    long Seq,
    RoomSnapshot? Snapshot,
    IReadOnlyList<SessionEvent>? Events,
    TimerView Timer,
    DateTimeOffset ServerNow);

/// <summary>The answer to a durable command: acknowledged (it is in PostgreSQL) with its sequence, or refused.</summary>
/// <param name="Code">Why it was refused, one of <see cref="CommandCodes"/>.</param>
/// <param name="Location">Where a command's result lives, when it made a new page (the return match's room).</param>
public sealed record CommandResult(bool Ok, long? Seq = null, string? Code = null, string? Error = null, string? Location = null)
{
    public static CommandResult Accepted(long seq) => new(true, seq);
    public static CommandResult Refused(string code, string message) => new(false, null, code, message);

    /// <summary>The database could not store the command; nothing was applied, and the same command may be sent again.</summary>
    public static CommandResult Unavailable() =>
        Refused(CommandCodes.Unavailable, "Not saved: the database is unavailable. Your change will be retried.");

    public static CommandResult RateLimited() =>
        Refused(CommandCodes.RateLimited, "Too many changes at once; slow down and try again.");
}
