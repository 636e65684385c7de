using System.Text.Json;

namespace MockLoop.Core.Diagrams;

/// <summary>
/// The JSON settings diagram ops, events and snapshots are stored and sent with: camelCase (web defaults) and the
/// "type" discriminator accepted anywhere in an object, because PostgreSQL jsonb reorders keys (shortest first).
/// Ops must be serialized as <see cref="DiagramOp"/>, not as their concrete type, or the discriminator is left out;
/// the typed overloads below make that the default.
/// </summary>
public static class DiagramJson
{
    public static JsonSerializerOptions Options => Contracts.ContractJson.Options;

    public static string Serialize(DiagramOp op) => JsonSerializer.Serialize(op, Options);

    public static string Serialize(DiagramEvent @event) => JsonSerializer.Serialize(@event, Options);

    public static string Serialize(DiagramSnapshot snapshot) => JsonSerializer.Serialize(snapshot, Options);

    public static DiagramOp DeserializeOp(string json) => Read<DiagramOp>(json);

    public static DiagramEvent DeserializeEvent(string json) => Read<DiagramEvent>(json);

    public static DiagramSnapshot DeserializeSnapshot(string json) => Read<DiagramSnapshot>(json);

    private static T Read<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"A {typeof(T).Name} cannot be null.");
}
