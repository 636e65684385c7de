using System.Text.Json.Serialization;

namespace MockLoop.Core.Pairing;

/// <summary>The role a person asks for in the lobby.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<PairingRole>))]
public enum PairingRole
{
    [JsonStringEnumMemberName("candidate")] Candidate,
    [JsonStringEnumMemberName("interviewer")] Interviewer,
    [JsonStringEnumMemberName("either")] Either,
}
