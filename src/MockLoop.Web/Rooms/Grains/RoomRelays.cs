using System.Text.Json;
using System.Text.Json.Serialization;

namespace MockLoop.Web.Rooms.Grains;

/// <summary>Volatile hub messages as they cross nodes: JSON written the way the hub writes it, passed on untouched.</summary>
public static class RoomRelays
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static RoomRelay For<T>(string method, string group, T message) =>
        new(method, group, JsonSerializer.Serialize(message, Json));

    public static JsonElement Payload(RoomRelay relay) => JsonDocument.Parse(relay.Json).RootElement.Clone();
}
