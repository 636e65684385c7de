using System.Text.Json;
using System.Text.Json.Serialization;

namespace MockLoop.Web.Rooms.Live;

/// <summary>JSON already encoded (a relayed hub message): the hub writes these bytes into the frame as they are.</summary>
[JsonConverter(typeof(Converter))]
public sealed record RawJson(byte[] Utf8)
{
    public sealed class Converter : JsonConverter<RawJson>
    {
        public override RawJson Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Raw JSON is only ever written.");

        public override void Write(Utf8JsonWriter writer, RawJson value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8, skipInputValidation: true);
    }
}
