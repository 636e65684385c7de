namespace MockLoop.Web.Client.Room.Call;

/// <summary>
/// The call's status machine: pure, so every path (joining, a blocked device, a dropped link, giving up after
/// <see cref="MaxAttempts"/>) is unit-tested. The panel feeds it the engine's reports and the person's clicks, and
/// asks the engine to try again exactly when <see cref="ShouldKick"/> says so.
/// </summary>
public static class CallMachine
{
    /// <summary>Attempts before giving up and offering Retry (about 40 s with the 10 s watchdog).</summary>
    public const int MaxAttempts = 3;

    /// <summary>How long a link may stay connecting before another attempt.</summary>
    public static readonly TimeSpan Watchdog = TimeSpan.FromSeconds(10);

    /// <summary>A freshly dropped link gets this long to come back by itself before ICE is restarted.</summary>
    public static readonly TimeSpan DisconnectGrace = TimeSpan.FromSeconds(4);

    public static CallStatus Next(CallStatus status, CallEvent e)
    {
        var phase = status.Phase;
        return e.Kind switch
        {
            CallEventKind.Join => status.Joinable ? new CallStatus(CallPhase.Requesting) : status,
            CallEventKind.MediaReady => phase == CallPhase.Requesting ? new CallStatus(CallPhase.Waiting) : status,
            CallEventKind.MediaFailed => phase != CallPhase.Requesting ? status : new CallStatus(
                e.Failure switch
                {
                    MediaFailure.Denied => CallPhase.Denied,
                    MediaFailure.NoDevice => CallPhase.NoDevice,
                    _ => CallPhase.MediaError,
                }, Failure: e.Failure ?? MediaFailure.Other, Detail: e.Detail),
            // A new link while still connecting is another attempt at the same call: the count goes on.
            CallEventKind.PeerJoined => phase == CallPhase.Connecting ? status with { WasConnected = false }
                : phase == CallPhase.Waiting || status.WithPeer ? new CallStatus(CallPhase.Connecting) : status,
            CallEventKind.PeerLeft => status.WithPeer ? new CallStatus(CallPhase.Waiting) : status,
            CallEventKind.Link => OnLink(status, e.Link ?? LinkState.Connecting),
            CallEventKind.Stalled => phase is CallPhase.Connecting or CallPhase.Reconnecting ? Attempt(status) : status,
            CallEventKind.Retry => phase == CallPhase.Failed ? new CallStatus(CallPhase.Connecting) : status,
            CallEventKind.Leave => CallStatus.Off,
            _ => status,
        };
    }

    /// <summary>The engine restarts ICE (or resends a lost offer) exactly when a transition counts a new attempt.</summary>
    public static bool ShouldKick(CallStatus before, CallStatus after) =>
        after.Attempts > before.Attempts && after.Phase is CallPhase.Connecting or CallPhase.Reconnecting;

    /// <summary>When to report "stalled" if nothing changes meanwhile; null when no watchdog runs in this phase.</summary>
    public static TimeSpan? WatchdogFor(CallStatus status) => status.Phase switch
    {
        CallPhase.Reconnecting when status.Attempts == 0 => DisconnectGrace,
        CallPhase.Connecting or CallPhase.Reconnecting => Watchdog,
        _ => null,
    };

    private static CallStatus OnLink(CallStatus status, LinkState link)
    {
        if (!status.WithPeer)
        {
            return status;
        }
        return link switch
        {
            LinkState.Connected => new CallStatus(CallPhase.Connected, 0, WasConnected: true),
            LinkState.Disconnected => status.Phase == CallPhase.Connected ? status with { Phase = CallPhase.Reconnecting } : status,
            LinkState.Failed => status.Phase == CallPhase.Failed ? status : Attempt(status),
            _ => status,
        };
    }

    private static CallStatus Attempt(CallStatus status) =>
        status.Attempts >= MaxAttempts
            ? new CallStatus(CallPhase.Failed, status.Attempts, status.WasConnected)
            : new CallStatus(status.WasConnected ? CallPhase.Reconnecting : CallPhase.Connecting, status.Attempts + 1, status.WasConnected);
}
