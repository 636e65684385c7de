using System.Text.Json;
using MockLoop.Web.Rooms.Live;

namespace MockLoop.Web.Rooms.Grains;

/// <summary>Volatile hub messages as they cross nodes: JSON written the way the hub writes it, passed on untouched.</summary>
public static class RoomRelays
{
    public static RoomRelay For<T>(string method, string group, T message) =>
        new(method, group, JsonSerializer.SerializeToUtf8Bytes(message, ContractJson.Options));

    /// <summary>The message for the hub: written into each connection's frame as the bytes it crossed the cluster as.</summary>
    public static RawJson Payload(RoomRelay relay) => new(relay.Json);
}
