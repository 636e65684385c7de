namespace MockLoop.Core.Contracts;

// The video call's signalling. Relayed from one participant to the other and never stored. A sender names its own
// call instance (CallId, new on every join or page load) and, once it knows it, the instance it talks to (ToCallId),
// so a message meant for a page that has since reloaded is recognised and dropped.

/// <summary>
/// hello: I am in the call. welcome: the answer to a hello. media: my microphone/camera/screen changed. bye: I left.
/// probe: I just opened the room and am not in the call; are you? (answered with a hello).
/// </summary>
public sealed record CallPresenceRequest(
    string CallId, string State, Guid? To = null, string? ToCallId = null, bool Audio = false, bool Video = false, bool Screen = false);

/// <summary>An SDP offer or answer.</summary>
public sealed record CallDescriptionRequest(string CallId, string ToCallId, string Type, string Sdp, Guid? To = null);

/// <summary>One trickled ICE candidate (the fields of RTCIceCandidateInit).</summary>
public sealed record CallCandidateRequest(
    string CallId, string ToCallId, string Candidate, string? SdpMid = null, int? SdpMLineIndex = null,
    string? UsernameFragment = null, Guid? To = null);

public sealed record CallPresenceMessage(Guid From, string CallId, string State, string? ToCallId, bool Audio, bool Video, bool Screen);

public sealed record CallDescriptionMessage(Guid From, string CallId, string ToCallId, string Type, string Sdp);

public sealed record CallCandidateMessage(
    Guid From, string CallId, string ToCallId, string Candidate, string? SdpMid, int? SdpMLineIndex, string? UsernameFragment);

/// <summary>What a call message gets back: relayed, or refused with a stable code and a sentence.</summary>
public sealed record CallResult(bool Ok, string? Code = null, string? Error = null)
{
    public static readonly CallResult Relayed = new(true);
    public static CallResult Refused(string code, string message) => new(false, code, message);
}

/// <summary>One entry of RTCConfiguration.iceServers, as the browser takes it.</summary>
public sealed record IceServerView(IReadOnlyList<string> Urls, string? Username = null, string? Credential = null);
