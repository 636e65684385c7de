using System.Text;
using System.Text.Json;
using MockLoop.Core.Contracts;
using MockLoop.Core.Diagrams;

namespace MockLoop.Core.Sessions;

/// <summary>
/// Reading a stored log payload. Entries written since protocol 2 hold the <see cref="SessionEvent"/> itself (the
/// bytes the room was sent); entries written before hold one payload per kind: the timer or diagram event, or the
/// change's record. This is the upgrader from those earlier payloads: both load into the same change.
/// </summary>
public static class SessionChangeJson
{
    private static readonly JsonSerializerOptions Json = ContractJson.Options;

    /// <summary>The stored form of an event: what the writer puts in the log and sends to the room, once.</summary>
    public static byte[] Encode(SessionEvent stored) => JsonSerializer.SerializeToUtf8Bytes(stored, Json);

    public static SessionEvent Decode(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize<SessionEvent>(utf8, Json) ?? throw new JsonException("A session event cannot be null.");

    public static SessionChange Deserialize(string kind, string payload)
    {
        var utf8 = Encoding.UTF8.GetBytes(payload);
        if (!IsEvent(utf8))
        {
            return DeserializeEarlier(kind, payload);
        }
        var change = SessionEventChanges.ToChange(Decode(utf8));
        // The row's kind and its event's must agree: a row that says otherwise was changed by hand or is corrupt.
        return change.Kind == kind
            ? change
            : throw new JsonException($"A log entry of kind '{kind}' holds a '{change.Kind}' event.");
    }

    /// <summary>
    /// The payload of an entry written before protocol 2 (kept for the upgrader and its tests): timer and diagram
    /// entries held the event itself, the other kinds their record.
    /// </summary>
    public static string SerializeEarlier(SessionChange change) => change switch
    {
        TimerChanged timer => TimerJson.Serialize(timer.Event),
        DiagramChanged diagram => DiagramJson.Serialize(diagram.Event),
        _ => JsonSerializer.Serialize(change, change.GetType(), Json),
    };

    public static SessionChange DeserializeEarlier(string kind, string payload) => kind switch
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

    /// <summary>
    /// Whether a payload is a protocol-2 event: it has a "kind" at its top level, which no earlier payload has (their
    /// discriminators, where they have one, are "type").
    /// </summary>
    public static bool IsEvent(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return false;
        }
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("kind"u8))
            {
                return true;
            }
            reader.Read();
            reader.Skip();
        }
        return false;
    }

    private static T Read<T>(string payload) where T : SessionChange =>
        JsonSerializer.Deserialize<T>(payload, Json) ?? throw new JsonException($"A {typeof(T).Name} payload cannot be null.");
}
