using System.Text.Json;
using MockLoop.Core.Contracts;
using MockLoop.Core.Diagrams;
using MockLoop.Core.Rubrics;

namespace MockLoop.Core.Sessions;

/// <summary>
/// A session's state as stored in a snapshot of its log (docs/decisions/104). Versioned: a snapshot in a format
/// this code does not know is refused, and the session loads by replaying its whole log instead.
/// </summary>
public static class SessionSnapshotJson
{
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Json = TimerJson.Options;

    private sealed record Stored(
        int Version, long Seq, SessionStatus Status, TimerSnapshot Timer, DiagramSnapshot Diagram,
        IReadOnlyList<ChatLine> Chat, bool OlderChat, IReadOnlyList<NoteView> Notes, IReadOnlyList<CriterionScored> Scores,
        IReadOnlyList<SelfAssessed> SelfScores, IReadOnlyList<RedFlagRef> RedFlags, SubmittedScorecard? Scorecard);

    public static string Serialize(SessionState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return JsonSerializer.Serialize(new Stored(
            FormatVersion, state.Seq, state.Status, state.Timer.ToSnapshot(), state.Diagram.ToSnapshot(),
            state.Chat, state.OlderChat, state.Notes, state.Scores, state.SelfScores, state.RedFlags, state.Scorecard), Json);
    }

    /// <summary>The state a snapshot holds, for a session run on <paramref name="definition"/>.</summary>
    /// <exception cref="JsonException">The snapshot is not one this code can read.</exception>
    public static SessionState Deserialize(string json, SessionDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var stored = JsonSerializer.Deserialize<Stored>(json, Json) ?? throw new JsonException("A snapshot cannot be null.");
        if (stored.Version != FormatVersion)
        {
            throw new JsonException($"Snapshot format {stored.Version} is not {FormatVersion}.");
        }
        try
        {
            return new SessionState
            {
                Seq = stored.Seq,
                Status = stored.Status,
                Timer = TimerState.FromSnapshot(stored.Timer, definition.TimerSteps),
                Diagram = DiagramDocument.FromSnapshot(stored.Diagram),
                Chat = [.. stored.Chat ?? []],
                OlderChat = stored.OlderChat,
                Notes = [.. stored.Notes ?? []],
                Scores = [.. stored.Scores ?? []],
                SelfScores = [.. stored.SelfScores ?? []],
                RedFlags = [.. stored.RedFlags ?? []],
                Scorecard = stored.Scorecard,
            };
        }
        catch (ArgumentException ex)
        {
            throw new JsonException($"The snapshot does not hold together: {ex.Message}", ex);
        }
    }
}
