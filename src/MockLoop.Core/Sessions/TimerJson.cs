using System.Text.Json;

namespace MockLoop.Core.Sessions;

/// <summary>
/// The JSON settings timer events, commands and views are stored and sent with: camelCase (web defaults) and the
/// "type" discriminator accepted anywhere in the object, because PostgreSQL jsonb reorders keys (it sorts them by
/// length, so "at" comes back before "type").
/// </summary>
public static class TimerJson
{
    public static JsonSerializerOptions Options => Contracts.ContractJson.Options;

    public static string Serialize(TimerEvent @event) => JsonSerializer.Serialize(@event, Options);

    public static TimerEvent Deserialize(string json) =>
        JsonSerializer.Deserialize<TimerEvent>(json, Options)
        ?? throw new JsonException("A timer event cannot be null.");
}
