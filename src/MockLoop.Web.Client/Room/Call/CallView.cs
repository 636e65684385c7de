namespace MockLoop.Web.Client.Room.Call;

/// <summary>What the partner sends: microphone, camera, screen.</summary>
public sealed record PeerMedia(bool Audio, bool Video, bool Screen);

public sealed record DeviceOption(string DeviceId, string Label);

/// <summary>The engine's media as the panel shows it (call.js publishes it on every change).</summary>
/// <param name="Microphone">The chosen microphone's id; "" is the system default (remembered on this browser).</param>
public sealed record CallMediaView(
    bool MicOn = true,
    bool CamOn = false,
    bool Sharing = false,
    bool HasLocalVideo = false,
    bool HasRemoteVideo = false,
    PeerMedia? PeerMedia = null,
    string? Notice = null,
    IReadOnlyList<DeviceOption>? Microphones = null,
    IReadOnlyList<DeviceOption>? Cameras = null,
    string Microphone = "",
    string Camera = "",
    string? Route = null,
    bool LocalSpeaking = false,
    bool RemoteSpeaking = false);
