using System.Text.Json.Serialization;

namespace MockLoop.Core.Diagrams;

[JsonConverter(typeof(JsonStringEnumConverter<DiagramElementKind>))]
public enum DiagramElementKind
{
    [JsonStringEnumMemberName("node")] Node,
    [JsonStringEnumMemberName("zone")] Zone,
    [JsonStringEnumMemberName("link")] Link,
}
