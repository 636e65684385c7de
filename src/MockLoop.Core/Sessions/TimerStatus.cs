using System.Text.Json.Serialization;

namespace MockLoop.Core.Sessions;

// Member names are pinned so every client sees the same camelCase strings whatever options the host uses.
[JsonConverter(typeof(JsonStringEnumConverter<TimerStatus>))]
public enum TimerStatus
{
    [JsonStringEnumMemberName("notStarted")] NotStarted,
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("paused")] Paused,
    [JsonStringEnumMemberName("ended")] Ended,
}
