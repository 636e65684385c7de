namespace MockLoop.Web.Client.Room.Call;

public enum CallTone { Idle, Busy, Ok, Warn, Bad }

public enum CallAction { None, Join, RetryMedia, Retry }

/// <summary>A status in words: the badge, what is happening, why, and what the person can do about it.</summary>
public sealed record CallDescription(string Badge, CallTone Tone, string Title, string Detail, CallAction Action = CallAction.None);

/// <param name="PeerLeft">The partner was in the call with us and hung up (rather than never having joined).</param>
public sealed record CallContext(string? PartnerName, bool PartnerOnline, bool PeerInCall, bool PeerLeft = false);

public static class CallWords
{
    public static CallDescription Describe(CallStatus status, CallContext context)
    {
        var who = context.PartnerName ?? "your partner";
        var subject = context.PartnerName ?? "Your partner";
        return status.Phase switch
        {
            CallPhase.Off => new("Off", context.PeerInCall ? CallTone.Ok : CallTone.Idle,
                context.PeerInCall ? $"{subject} is in the call" : "Talk face to face",
                context.PeerInCall
                    ? "Join to see and hear them. The interview works without the call too."
                    : "The call starts when you join. The timer, chat and case work with the call off.",
                CallAction.Join),
            CallPhase.Requesting => new("Asking…", CallTone.Busy, "Asking for your microphone and camera…",
                "Your browser shows a prompt near the address bar: choose Allow."),
            CallPhase.Denied => new("Blocked", CallTone.Bad, "Microphone or camera blocked",
                "Your browser was told not to share them with MockLoop. Click the camera icon (or the padlock) in the address bar, " +
                "allow the microphone and camera for this site, then try again.", CallAction.RetryMedia),
            CallPhase.NoDevice => new("No device", CallTone.Bad, "No microphone found",
                "Plug in a headset or microphone (or check it is switched on and not disabled in your system), then try again.",
                CallAction.RetryMedia),
            CallPhase.MediaError => MediaProblem(status),
            CallPhase.Waiting => new("Waiting", CallTone.Busy, WaitingTitle(context, subject, who), WaitingDetail(context, subject)),
            CallPhase.Connecting => new("Connecting…", CallTone.Busy, $"Connecting to {who}…",
                status.Attempts > 0
                    ? $"Still trying (attempt {status.Attempts + 1} of {CallMachine.MaxAttempts + 1})."
                    : "Setting up a direct link between your browsers."),
            CallPhase.Connected => new("Connected", CallTone.Ok, $"In the call with {who}", ""),
            CallPhase.Reconnecting => new("Reconnecting…", CallTone.Warn, "Reconnecting…",
                "The link dropped (a network change, or a weak connection). Restoring it; the interview carries on meanwhile."),
            _ => new("Failed", CallTone.Bad, $"Could not connect to {who}",
                "A network between you blocks direct connections. Try again, or try another network; if it keeps failing, this " +
                "MockLoop needs a TURN relay (see its deploy notes). The interview works without the call.", CallAction.Retry),
        };
    }

    private static string WaitingTitle(CallContext context, string subject, string who) =>
        context.PeerLeft ? context.PartnerOnline ? $"{subject} left the call" : $"{subject} dropped out"
        : context.PartnerName is not null ? $"Waiting for {who} to join the call" : "Waiting for your partner";

    private static string WaitingDetail(CallContext context, string subject) =>
        context.PartnerName is null ? "Nobody has taken the other seat yet. Share the invite link; the call connects when they join it."
        : context.PeerLeft
            ? context.PartnerOnline
                ? "Stay here: the call connects again as soon as they rejoin."
                : $"{subject} went offline. Stay here: the call connects again when they are back."
        : context.PartnerOnline
            ? $"{subject} is in the room but has not joined the call yet."
            : $"{subject} is offline. The call connects when they are back and join it.";

    private static CallDescription MediaProblem(CallStatus status)
    {
        var (title, detail) = status.Failure switch
        {
            MediaFailure.Busy => ("Your microphone or camera is busy", "Another app or tab may be using it. Close it, then try again."),
            MediaFailure.Insecure => ("The call needs a secure page",
                "Browsers only share cameras with pages served over https (or from localhost). Open MockLoop at its https address."),
            MediaFailure.Unsupported => ("This browser cannot make video calls",
                "Open the interview in a current Chrome, Edge, Firefox or Safari to join the call. Everything else works here."),
            _ => ("Could not start your microphone or camera",
                $"The browser said: {status.Detail ?? "unknown error"}. Try again, or choose another device below."),
        };
        return new("Device problem", CallTone.Bad, title, detail, CallAction.RetryMedia);
    }
}
