import { Component, type MutableRefObject, type ReactNode, useEffect, useRef, useState } from "react";
import type { HubConnection } from "@microsoft/signalr";
import type { CallController, CallView } from "./callController";
import { type CallDescription, describeCall, inCall } from "./callStatus";
import type { Role } from "./callTypes";
import { CallIcon, CameraIcon, ExpandIcon, LeaveIcon, MicIcon, ScreenIcon } from "./icons";
import { useCall } from "./useCall";
import { useSpeaking } from "./useSpeaking";
import "./call.css";

export interface CallPanelProps {
  /** The room's hub connection and its (re)connect counter, from useRoomConnection. */
  connection: MutableRefObject<HubConnection | null>;
  epoch: number;
  myRole: Role | null;
  partnerName?: string | null;
  partnerOnline: boolean;
}

/**
 * The video call beside the interview. Off until the person joins; the interview never depends on it. Media goes
 * browser to browser (WebRTC); the room's hub only carries the signalling between the two participants.
 */
export function CallPanel(props: CallPanelProps) {
  return (
    <CallErrorBoundary>
      <CallPanelBody {...props} />
    </CallErrorBoundary>
  );
}

/** The interview never depends on the call: a failure in here stays in here. */
class CallErrorBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error) {
    console.error("MockLoop call: the panel failed", error);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <section className="panel call" aria-label="Video call">
        <header className="call-head"><h3>Video call</h3></header>
        <div className="call-notice" role="alert">
          <span>The call stopped working ({this.state.error.message}). The interview carries on; reload the page to use the call again.</span>
        </div>
      </section>
    );
  }
}

function CallPanelBody({ connection, epoch, myRole, partnerName, partnerOnline }: CallPanelProps) {
  const { view, controller } = useCall(connection, epoch, myRole, partnerOnline);
  const name = partnerName || null;
  if (!view || !controller) {
    return (
      <section className="panel call" aria-label="Video call">
        <header className="call-head"><h3>Video call</h3></header>
      </section>
    );
  }
  const text = describeCall(view.status, { partnerName: name, partnerOnline, peerInCall: view.peerInCall, peerLeft: view.peerLeft });
  const joined = inCall(view.status.phase);
  return (
    <section className={`panel call call-${view.status.phase}`} aria-label="Video call" data-call-phase={view.status.phase}>
      <header className="call-head">
        <h3>Video call</h3>
        <span className={`call-badge call-tone-${view.status.phase === "off" ? "idle" : text.tone}`} role="status" aria-label={`Call: ${text.badge}`}>
          <span className="dot" aria-hidden="true" />
          {text.badge}
        </span>
      </header>
      {joined ? (
        <InCall view={view} controller={controller} text={text} partnerName={name} canShare={myRole === "Candidate"} />
      ) : (
        <Intro view={view} controller={controller} text={text} disabled={!myRole} />
      )}
      {view.notice && (
        <div className="call-notice" role="alert">
          <span>{view.notice}</span>
          <button type="button" className="link-button" onClick={() => controller.dismissNotice()}>Dismiss</button>
        </div>
      )}
      <DeviceSettings view={view} controller={controller} />
    </section>
  );
}

function Intro({ view, controller, text, disabled }: { view: CallView; controller: CallController; text: CallDescription; disabled: boolean }) {
  const requesting = view.status.phase === "requesting";
  return (
    <div className={`call-intro call-tone-${text.tone}`}>
      <span className="call-intro-icon" aria-hidden="true">{requesting ? <span className="call-spinner" /> : <CallIcon size={26} />}</span>
      <div className="call-intro-text">
        <p className="call-title">{text.title}</p>
        <p className="call-detail">{text.detail}</p>
      </div>
      {!requesting && (
        <div className="call-join">
          <button type="button" className="button primary" disabled={disabled} onClick={() => void controller.join(true)}>
            <CameraIcon size={18} />
            {text.action === "retryMedia" ? "Try again" : "Join call"}
          </button>
          <button type="button" className="button" disabled={disabled} onClick={() => void controller.join(false)}>
            <MicIcon size={18} />
            Join audio only
          </button>
        </div>
      )}
    </div>
  );
}

function InCall({ view, controller, text, partnerName, canShare }: {
  view: CallView;
  controller: CallController;
  text: CallDescription;
  partnerName: string | null;
  canShare: boolean;
}) {
  const phase = view.status.phase;
  const linked = phase === "connected" || phase === "reconnecting";
  const peer = view.peerMedia;
  const remoteHasVideo = !!view.remote?.getVideoTracks().length;
  const showRemoteVideo = linked && remoteHasVideo && (peer?.video ?? true);
  const remoteSpeaking = useSpeaking(view.remote, linked && (peer?.audio ?? true));
  const localSpeaking = useSpeaking(view.local, view.micOn);
  const stage = useRef<HTMLDivElement>(null);
  const who = partnerName ?? "Your partner";

  return (
    <>
      <div className={`call-stage${peer?.screen && showRemoteVideo ? " presenting" : ""}`} ref={stage}>
        <div className={`call-tile call-remote${remoteSpeaking ? " speaking" : ""}`}>
          <StreamVideo stream={showRemoteVideo ? view.remote : null} muted className={peer?.screen ? "contain" : ""} label={`${who}'s video`} />
          <RemoteAudio stream={linked ? view.remote : null} name={who} />
          {!showRemoteVideo && (
            <div className="call-placeholder">
              {linked ? (
                <div className="call-placeholder-linked">
                  <span className="call-avatar" aria-hidden="true">{initials(who)}</span>
                  <p className="call-title">{peer && !peer.video ? "Camera off" : "Connected"}</p>
                </div>
              ) : (
                <>
                  {phase === "failed" ? <span className="call-avatar bad" aria-hidden="true">!</span> : <span className="call-spinner light" aria-hidden="true" />}
                  <p className="call-title">{text.title}</p>
                </>
              )}
            </div>
          )}
          {phase === "reconnecting" && <div className="call-banner" aria-hidden="true">Reconnecting…</div>}
          {linked && (
            <span className="call-label">
              {peer && !peer.audio && <span className="call-muted" title="Microphone off"><MicIcon off size={14} /></span>}
              {peer?.screen ? `${who} is presenting` : who}
              {remoteSpeaking && <span className="sr-only"> (speaking)</span>}
            </span>
          )}
          {showRemoteVideo && (
            <button type="button" className="call-expand" aria-label="Show full screen" title="Full screen"
              onClick={() => void stage.current?.querySelector<HTMLElement>(".call-remote")?.requestFullscreen?.()}>
              <ExpandIcon size={16} />
            </button>
          )}
        </div>
        <div className={`call-tile call-self${localSpeaking ? " speaking" : ""}`}>
          {view.sharing && view.screen ? (
            <StreamVideo stream={view.screen} muted className="contain" label="Your shared screen" />
          ) : view.camOn && view.local ? (
            <StreamVideo stream={view.local} muted className="mirror" label="Your camera" />
          ) : (
            <div className="call-placeholder small"><span className="call-avatar small" aria-hidden="true"><CameraIcon off size={16} /></span></div>
          )}
          <span className="call-label">
            {!view.micOn && <span className="call-muted" title="Microphone off"><MicIcon off size={12} /></span>}
            {view.sharing ? "Your screen" : "You"}
          </span>
        </div>
      </div>
      {phase !== "connected" && text.detail && (
        <div className={`call-explain call-tone-${text.tone}`}>
          <p>{text.detail}</p>
          {text.action === "retry" && (
            <button type="button" className="button small primary" onClick={() => void controller.retry()}>Try again</button>
          )}
        </div>
      )}
      {phase === "connected" && view.route && (
        <p className="call-route">{view.route === "relay" ? "Relayed through the TURN server" : "Direct connection"}</p>
      )}
      <div className="call-controls" role="group" aria-label="Call controls">
        <ControlButton
          label={view.micOn ? "Mute microphone" : "Unmute microphone"}
          caption={view.micOn ? "Mute" : "Unmute"}
          off={!view.micOn}
          onClick={() => controller.toggleMic()}
        >
          <MicIcon off={!view.micOn} />
        </ControlButton>
        <ControlButton
          label={view.camOn ? "Turn camera off" : "Turn camera on"}
          caption={view.camOn ? "Stop video" : "Start video"}
          off={!view.camOn}
          onClick={() => void controller.toggleCamera()}
        >
          <CameraIcon off={!view.camOn} />
        </ControlButton>
        {canShare && (
          <ControlButton
            label={view.sharing ? "Stop sharing" : "Share screen"}
            caption={view.sharing ? "Stop share" : "Share"}
            on={view.sharing}
            onClick={() => (view.sharing ? controller.stopSharing() : void controller.shareScreen())}
          >
            <ScreenIcon />
          </ControlButton>
        )}
        <ControlButton label="Leave call" caption="Leave" danger onClick={() => controller.leave()}>
          <LeaveIcon />
        </ControlButton>
      </div>
    </>
  );
}

function ControlButton({ label, caption, off, on, danger, onClick, children }: {
  label: string;
  caption: string;
  off?: boolean;
  on?: boolean;
  danger?: boolean;
  onClick(): void;
  children: ReactNode;
}) {
  const state = danger ? " danger" : off ? " off" : on ? " on" : "";
  return (
    <span className="call-control">
      <button type="button" className={`call-button${state}`} aria-label={label} title={label} onClick={onClick}>
        {children}
      </button>
      <span className="call-caption" aria-hidden="true">{caption}</span>
    </span>
  );
}

function DeviceSettings({ view, controller }: { view: CallView; controller: CallController }) {
  const unnamed = view.microphones.length === 0 && view.cameras.length === 0;
  return (
    <details className="call-devices">
      <summary>Devices</summary>
      <div className="call-device-fields">
        <label>
          <span>Microphone</span>
          <select value={view.choice.microphone} onChange={(e) => void controller.chooseDevice("audioinput", e.target.value)}>
            <option value="">System default</option>
            {view.microphones.map((d) => <option key={d.deviceId} value={d.deviceId}>{d.label}</option>)}
            {view.choice.microphone && !view.microphones.some((d) => d.deviceId === view.choice.microphone) && (
              <option value={view.choice.microphone}>Your last microphone</option>
            )}
          </select>
        </label>
        <label>
          <span>Camera</span>
          <select value={view.choice.camera} onChange={(e) => void controller.chooseDevice("videoinput", e.target.value)}>
            <option value="">System default</option>
            {view.cameras.map((d) => <option key={d.deviceId} value={d.deviceId}>{d.label}</option>)}
            {view.choice.camera && !view.cameras.some((d) => d.deviceId === view.choice.camera) && (
              <option value={view.choice.camera}>Your last camera</option>
            )}
          </select>
        </label>
        <p className="call-hint">
          {unnamed ? "Device names appear once you allow access. " : ""}Your choice is remembered on this browser.
        </p>
      </div>
    </details>
  );
}

function StreamVideo({ stream, muted, className, label }: { stream: MediaStream | null; muted: boolean; className?: string; label: string }) {
  const ref = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const video = ref.current;
    if (!video) return;
    if (video.srcObject !== stream) video.srcObject = stream;
    if (stream) void video.play().catch(() => undefined);
  }, [stream]);
  return <video ref={ref} className={`call-video ${className ?? ""}${stream ? "" : " empty"}`} autoPlay playsInline muted={muted} aria-label={label} />;
}

/** The partner's sound, apart from the picture so it plays with their camera off. Autoplay can be refused after a reload. */
function RemoteAudio({ stream, name }: { stream: MediaStream | null; name: string }) {
  const ref = useRef<HTMLAudioElement>(null);
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    const audio = ref.current;
    if (!audio) return;
    if (audio.srcObject !== stream) audio.srcObject = stream;
    if (!stream) {
      setBlocked(false);
      return;
    }
    audio.play().then(() => setBlocked(false), (error: { name?: string }) => setBlocked(error?.name === "NotAllowedError"));
  }, [stream]);
  return (
    <>
      <audio ref={ref} autoPlay />
      {blocked && (
        <button type="button" className="button small call-unblock" onClick={() => void ref.current?.play().then(() => setBlocked(false), () => undefined)}>
          Play {name}'s sound
        </button>
      )}
    </>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  return (parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? "?").slice(0, 2)).toUpperCase();
}
