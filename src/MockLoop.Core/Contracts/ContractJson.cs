using System.Text.Json;
using System.Text.Json.Serialization;
using MockLoop.Core.Text;

namespace MockLoop.Core.Contracts;

/// <summary>
/// The one set of JSON settings for everything MockLoop encodes: the hub's messages (server and client), the session
/// log's payloads, grain-crossing payloads and snapshots. camelCase (web defaults); enums by name; a union's
/// discriminator accepted anywhere in its object, because PostgreSQL's jsonb reorders keys (by length, so "at" comes
/// back before "kind"); and strings read as sent, lone surrogates included, so the rules can refuse them by name
/// instead of argument binding failing with a generic error.
/// </summary>
public static class ContractJson
{
    /// <summary>
    /// The wire protocol's version, sent with the room's state. 2: events are the <see cref="SessionEvent"/> union (1
    /// was one message with a kind string and a dozen optional payloads). A client built for another version reloads.
    /// </summary>
    public const int ProtocolVersion = 2;

    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>For hosts that own their options object (SignalR's JSON protocol): the same settings, copied in.</summary>
    public static void CopyTo(JsonSerializerOptions target)
    {
        target.PropertyNamingPolicy = Options.PropertyNamingPolicy;
        target.PropertyNameCaseInsensitive = Options.PropertyNameCaseInsensitive;
        target.NumberHandling = Options.NumberHandling;
        target.AllowOutOfOrderMetadataProperties = true;
        foreach (var converter in Options.Converters)
        {
            target.Converters.Add(converter);
        }
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            AllowOutOfOrderMetadataProperties = true,
            Converters = { new JsonStringEnumConverter(), new JsonText.LenientStringConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
