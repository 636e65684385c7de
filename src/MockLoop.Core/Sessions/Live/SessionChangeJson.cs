using System.Text.Json;
using MockLoop.Core.Contracts;
using MockLoop.Core.Diagrams;

namespace MockLoop.Core.Sessions;

/// <summary>
/// The stored payload of each kind of change. Timer and diagram entries hold the event itself (as they always
/// have); the other kinds hold their record, camelCase, so logs written before the rules moved to Core still load.
/// </summary>
public static class SessionChangeJson
{
    private static readonly JsonSerializerOptions Json = TimerJson.Options;

    public static string Serialize(SessionChange change) => change switch
    {
        TimerChanged timer => TimerJson.Serialize(timer.Event),
        DiagramChanged diagram => DiagramJson.Serialize(diagram.Event),
        _ => JsonSerializer.Serialize(change, change.GetType(), Json),
    };

    public static SessionChange Deserialize(string kind, string payload) => kind switch
    {
        SessionEventKinds.Timer => new TimerChanged(TimerJson.Deserialize(payload)),
        SessionEventKinds.Diagram => new DiagramChanged(DiagramJson.DeserializeEvent(payload)),
        SessionEventKinds.Chat => Read<ChatPosted>(payload),
        SessionEventKinds.Note => Read<NoteSaved>(payload),
        SessionEventKinds.Score => Read<CriterionScored>(payload),
        SessionEventKinds.Self => Read<SelfAssessed>(payload),
        SessionEventKinds.RedFlag => Read<RedFlagRecorded>(payload),
        SessionEventKinds.Scorecard => Read<ScorecardSubmitted>(payload),
        _ => throw new JsonException($"Unknown session log kind '{kind}'."),
    };

    private static T Read<T>(string payload) where T : SessionChange =>
        JsonSerializer.Deserialize<T>(payload, Json) ?? throw new JsonException($"A {typeof(T).Name} payload cannot be null.");
}
