using System.Text;

namespace MockLoop.Web.Rooms.Call;

/// <summary>
/// What a call message may hold. The server does not interpret SDP or candidates (the browsers do); it bounds them,
/// so a client cannot push large or malformed payloads through the hub to its peer.
/// </summary>
internal static class CallSignalRules
{
    public const int MaxSdpBytes = 32 * 1024;
    public const int MaxCandidateBytes = 2 * 1024;
    public const int MaxCallIdLength = 64;

    public static readonly IReadOnlySet<string> PresenceStates = new HashSet<string>(StringComparer.Ordinal) { "hello", "welcome", "media", "bye", "probe" };

    /// <summary>Null when the presence is well formed, otherwise the sentence to send back.</summary>
    public static string? CheckPresence(CallPresenceRequest? request)
    {
        if (request is null)
        {
            return "A call presence needs a callId and a state.";
        }
        if (!PresenceStates.Contains(request.State ?? ""))
        {
            return $"Unknown call presence '{Shorten(request.State)}': expected hello, welcome, media, bye or probe.";
        }
        return CheckCallId(request.CallId, "callId") ?? (request.ToCallId is null ? null : CheckCallId(request.ToCallId, "toCallId"));
    }

    public static string? CheckDescription(CallDescriptionRequest? request)
    {
        if (request is null)
        {
            return "A session description needs a callId, a toCallId, a type and an sdp.";
        }
        if (request.Type is not ("offer" or "answer"))
        {
            return $"Unknown session description type '{Shorten(request.Type)}': expected offer or answer.";
        }
        if (string.IsNullOrEmpty(request.Sdp) || !request.Sdp.StartsWith("v=0", StringComparison.Ordinal))
        {
            return "The session description is not SDP (it must start with v=0).";
        }
        var bytes = Encoding.UTF8.GetByteCount(request.Sdp);
        if (bytes > MaxSdpBytes)
        {
            return $"The session description is too large ({bytes} bytes; at most {MaxSdpBytes}).";
        }
        return CheckCallId(request.CallId, "callId") ?? CheckCallId(request.ToCallId, "toCallId");
    }

    public static string? CheckCandidate(CallCandidateRequest? request)
    {
        if (request is null)
        {
            return "An ICE candidate needs a callId, a toCallId and a candidate.";
        }
        if (request.Candidate is null)
        {
            return "The ICE candidate is missing.";
        }
        var bytes = Encoding.UTF8.GetByteCount(request.Candidate)
                    + Encoding.UTF8.GetByteCount(request.SdpMid ?? "")
                    + Encoding.UTF8.GetByteCount(request.UsernameFragment ?? "");
        if (bytes > MaxCandidateBytes)
        {
            return $"The ICE candidate is too large ({bytes} bytes; at most {MaxCandidateBytes}).";
        }
        if (request.Candidate.Length > 0 && !request.Candidate.StartsWith("candidate:", StringComparison.Ordinal))
        {
            return "The ICE candidate must start with 'candidate:' (or be empty for the end of candidates).";
        }
        if (request.SdpMLineIndex is < 0 or > 64)
        {
            return "The ICE candidate's sdpMLineIndex is out of range.";
        }
        return CheckCallId(request.CallId, "callId") ?? CheckCallId(request.ToCallId, "toCallId");
    }

    private static string? CheckCallId(string? id, string field)
    {
        if (string.IsNullOrEmpty(id) || id.Length > MaxCallIdLength || !id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            return $"The {field} must be 1 to {MaxCallIdLength} letters, digits, '-' or '_'.";
        }
        return null;
    }

    private static string Shorten(string? value) => value is null ? "" : value.Length <= 20 ? value : value[..20] + "…";
}
