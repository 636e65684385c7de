using System.Text.Json;
using System.Text.Json.Serialization;
using MockLoop.Core.Sessions;

namespace MockLoop.Web.Rooms.Live;

/// <summary>
/// A session event encoded once by its writer (<see cref="SessionChangeJson.Encode"/>): the same UTF-8 bytes are the
/// log row's payload, cross to other nodes as they are, and are written into every connection's hub message untouched
/// (<see cref="Converter"/>). Never changed after it is made, so Orleans passes it without a copy on its own node.
/// </summary>
[GenerateSerializer, Immutable, JsonConverter(typeof(Converter))]
public sealed record EncodedEvent([property: Id(0)] long Seq, [property: Id(1)] byte[] Utf8)
{
    public static EncodedEvent Of(SessionEvent @event) => new(@event.Seq, SessionChangeJson.Encode(@event));

    public SessionEvent Decode() => SessionChangeJson.Decode(Utf8);

    /// <summary>Writes the bytes as they are: the hub's message gets the event without encoding it again.</summary>
    public sealed class Converter : JsonConverter<EncodedEvent>
    {
        public override EncodedEvent Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("An encoded event is only ever written.");

        public override void Write(Utf8JsonWriter writer, EncodedEvent value, JsonSerializerOptions options) =>
            writer.WriteRawValue(value.Utf8, skipInputValidation: true);
    }
}
