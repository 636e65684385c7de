namespace MockLoop.Web.Client.Room.Call;

/// <summary>The call's status as the person sees it.</summary>
public enum CallPhase
{
    /// <summary>Not joined: the call is off until the person clicks Join.</summary>
    Off,
    /// <summary>Asking the browser for the microphone (and camera).</summary>
    Requesting,
    /// <summary>The person or the browser blocked access.</summary>
    Denied,
    /// <summary>No microphone (or camera) to use.</summary>
    NoDevice,
    /// <summary>A device exists but cannot be used (busy, insecure page, …).</summary>
    MediaError,
    /// <summary>Media ready; the partner is not in the call.</summary>
    Waiting,
    /// <summary>The partner is in the call; the peer connection is being set up.</summary>
    Connecting,
    Connected,
    /// <summary>Was connected; the link dropped and is being restored.</summary>
    Reconnecting,
    /// <summary>Gave up after several attempts: Retry.</summary>
    Failed,
}

/// <summary>Why the browser would not give the microphone or camera (the engine's classification of its error).</summary>
public enum MediaFailure { Denied, NoDevice, Busy, Insecure, Unsupported, Other }

/// <param name="Attempts">
/// Attempts to restore the link (ICE restarts, resent offers) since it was last connected; while waiting, the hellos
/// sent again.
/// </param>
/// <param name="WasConnected">Connected at least once with the current peer: a drop is "reconnecting", not "connecting".</param>
public sealed record CallStatus(CallPhase Phase, int Attempts = 0, bool WasConnected = false, MediaFailure? Failure = null, string? Detail = null)
{
    public static readonly CallStatus Off = new(CallPhase.Off);

    /// <summary>In the call: media acquired, whether or not the partner is there.</summary>
    public bool InCall => Phase == CallPhase.Waiting || WithPeer;

    public bool WithPeer => Phase is CallPhase.Connecting or CallPhase.Connected or CallPhase.Reconnecting or CallPhase.Failed;

    public bool Joinable => Phase is CallPhase.Off or CallPhase.Denied or CallPhase.NoDevice or CallPhase.MediaError;
}

/// <summary>What happened: reported by the engine (media, link, partner) or done by the person (join, retry, leave).</summary>
public enum CallEventKind { Join, MediaReady, MediaFailed, PeerJoined, PeerLeft, Link, Stalled, Retry, Leave }

/// <summary>The peer connection's state, folded from its connection and ICE states.</summary>
public enum LinkState { Connecting, Connected, Disconnected, Failed }

public sealed record CallEvent(CallEventKind Kind, LinkState? Link = null, MediaFailure? Failure = null, string? Detail = null);
