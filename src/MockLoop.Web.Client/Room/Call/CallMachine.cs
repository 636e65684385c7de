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

    /// <summary>
    /// How long the partner must stay offline before an unfinished link to them is given up. Presence comes through the
    /// session's grain and signalling straight through the hub, so after a reload the notice that the old page went
    /// offline can arrive after the new page's hello; the new page's "online" follows within moments and cancels it.
    /// </summary>
    public static readonly TimeSpan OfflineGrace = TimeSpan.FromSeconds(4);

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
            CallEventKind.Stalled => phase is CallPhase.Connecting or CallPhase.Reconnecting ? Attempt(status)
                // Nobody yet: say hello again (counted, so each one re-arms the watchdog; there is no limit to waiting).
                : phase == CallPhase.Waiting ? status with { Attempts = status.Attempts + 1 } : status,
            CallEventKind.Retry => phase == CallPhase.Failed ? new CallStatus(CallPhase.Connecting) : status,
            CallEventKind.Leave => CallStatus.Off,
            _ => status,
        };
    }

    /// <summary>The engine restarts ICE (or resends a lost offer) exactly when a transition counts a new attempt.</summary>
    public static bool ShouldKick(CallStatus before, CallStatus after) =>
        after.Attempts > before.Attempts && after.Phase is CallPhase.Connecting or CallPhase.Reconnecting;

    /// <summary>
    /// While waiting, the engine says hello again (or reports a link it has that the panel missed) each time the
    /// watchdog fires: a hello or welcome lost on the way must not leave both sides waiting for each other for ever.
    /// </summary>
    public static bool ShouldNudge(CallStatus before, CallStatus after) =>
        before.Phase == CallPhase.Waiting && after.Phase == CallPhase.Waiting && after.Attempts > before.Attempts;

    /// <summary>The partner has been offline for <see cref="OfflineGrace"/>: a link still being set up cannot finish.</summary>
    public static bool GivesUpWhenPartnerOffline(CallStatus status) => status.WithPeer && status.Phase != CallPhase.Connected;

    /// <summary>When to report "stalled" if nothing changes meanwhile; null when no watchdog runs in this phase.</summary>
    public static TimeSpan? WatchdogFor(CallStatus status) => status.Phase switch
    {
        CallPhase.Reconnecting when status.Attempts == 0 => DisconnectGrace,
        CallPhase.Connecting or CallPhase.Reconnecting or CallPhase.Waiting => Watchdog,
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
